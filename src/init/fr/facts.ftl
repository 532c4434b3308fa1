### Les faits de policy/policy.yaml : un message par identifiant de fait, dont le .title
### sert de titre. Aucune valeur n’est saisie ici : elles viennent de la politique, sous
### forme de variables.

# Variables :
#   $reply-within (String) - notre délai de réponse, sous forme de durée
response-time = Nous répondons à chaque message dans un délai de { $reply-within }.
    .title = Dans quel délai nous répondons
