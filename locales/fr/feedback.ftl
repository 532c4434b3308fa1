### Traitement des commentaires.

feedback = Lorsque vous nous envoyez un commentaire, par exemple au moyen des icônes pouce levé ou pouce baissé :
    .title = Comment nous traitons vos commentaires
feedback-whole-conversation = Avec votre commentaire, nous conservons dans notre infrastructure sécurisée l’intégralité de la conversation concernée, y compris tout contenu, les styles personnalisés et les préférences de conversation.
feedback-no-integration-content = Les données liées aux commentaires n’incluent pas le contenu brut provenant d’intégrations (par exemple Google Drive), mais ce contenu peut y figurer s’il a été copié directement dans votre conversation avec { -product-name }.
feedback-delinked-from-user-id = Nous dissocions vos commentaires de votre identifiant utilisateur (par exemple votre adresse e-mail) avant qu’{ -organization-name } ne les utilise.
feedback-uses = Nous pouvons utiliser vos commentaires pour analyser l’efficacité de nos services, mener des recherches, étudier le comportement des utilisateurs et entraîner nos modèles d’IA, dans la mesure où la loi applicable le permet.
feedback-not-combined = Nous n’associons pas vos commentaires à vos autres conversations avec { -product-name }.
