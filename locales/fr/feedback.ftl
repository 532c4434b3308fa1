### Traitement des avis.

feedback = Lorsque vous nous donnez votre avis, par exemple au moyen des icônes « pouce levé » ou « pouce baissé » :
    .title = Comment nous traitons vos avis
feedback-whole-conversation = Avec votre avis, nous conservons dans notre infrastructure sécurisée l’intégralité de la conversation concernée, y compris l’ensemble de son contenu, ses styles personnalisés et ses préférences de conversation.
feedback-no-integration-content = Les données liées aux avis ne comprennent pas le contenu brut issu des intégrations (par exemple Google Drive), mais ce contenu peut y figurer s’il a été copié directement dans votre conversation avec { -product-name }.
feedback-delinked-from-user-id = Nous dissocions vos avis de votre identifiant utilisateur (par exemple votre adresse e-mail) avant qu’{ -organization-name } ne les utilise.
feedback-uses = Nous pouvons utiliser vos avis pour analyser l’efficacité de nos services, mener des recherches, étudier le comportement des utilisateurs et entraîner nos modèles d’IA, dans la mesure où la loi applicable le permet.
feedback-not-combined = Nous n’associons pas vos avis à vos autres conversations avec { -product-name }.
