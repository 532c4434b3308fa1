### Les articles d’aide : titre (.title) et résumé de chaque page.

page-personal-data-in-training = D’où proviennent nos données d’entraînement, à quoi servent – et ne servent pas – les données personnelles qu’elles peuvent contenir, comment nous protégeons la vie privée et quels sont vos droits.
    .title = Comment utilisez-vous les données personnelles dans l’entraînement des modèles ?
page-conversations-and-training = Ce qui s’applique à vos conversations, les cas dans lesquels elles peuvent être utilisées, la façon de faire votre choix et les raisons de la mise à jour de nos conditions.
    .title = Mes conversations servent-elles à entraîner vos modèles ?
page-data-retention = Combien de temps nous conservons vos conversations et vos avis.
    .title = Combien de temps conservez-vous mes données ?
page-covered-products = Les produits concernés par cette politique, et ceux qui ne le sont pas.
    .title = Quels produits cette politique concerne-t-elle ?
page-feedback = Ce que nous conservons lorsque vous nous donnez votre avis, et l’usage que nous en faisons.
    .title = Que deviennent les avis que je vous envoie ?

## Le centre d’aide dans son ensemble : son nom, son index et ce qu’il dit des traductions.

site-title = Centre d’aide { -product-name }
index-title = Confidentialité et entraînement des modèles
index-intro = Comment { -organization-name } utilise les données pour entraîner { -product-name }, ce que vous pouvez choisir et combien de temps vos données sont conservées.
footer-note = { -organization-name } · Confidentialité et entraînement des modèles
stale-notice = Le texte anglais de cette section a été modifié le { $changed } ; cette traduction est en cours de révision.
    .undated = Le texte anglais de cette section a été modifié ; cette traduction est en cours de révision.
    .link = Lire la version anglaise
