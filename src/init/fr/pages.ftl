### Les textes propres à ce centre d’aide : son nom, sa page d’accueil et les titres de
### ses articles. Rédigez-les d’abord dans la langue de référence ({{reference}}) ; chaque
### autre langue les traduit. Les termes comme { -organization-name } viennent de
### policy/policy.yaml.

site-title = Centre d’aide { -organization-name }
index-title = Articles d’aide
index-intro = Ce que { -organization-name } fait de vos messages, et comment nous joindre.
footer-note = { -organization-name } · Centre d’aide
# Chaque page de policy.yaml : son résumé, et son titre (.title).
page-contact-us = Comment nous joindre, et dans quel délai nous répondons.
    .title = Nous contacter
# Affiché sur une section dont la traduction n’a pas été confirmée depuis la modification
# du texte de référence (jamais dans la langue de référence).
# Variables :
#   $changed (String) - le jour de la dernière modification du texte de référence de la section
#   .undated s’affiche à la place quand aucun commit ne date la modification (non validée, ou sans git)
stale-notice = Le texte original de cette section a été modifié le { $changed } ; cette traduction est en cours de révision.
    .undated = Le texte original de cette section a été modifié ; cette traduction est en cours de révision.
    .link = Lire la version originale
