### Données personnelles et entraînement des modèles.

article-scope = Cet article porte sur nos produits grand public, comme { -tier-free-name } et { -tier-pro-name }. Pour nos produits professionnels, comme { -tier-work-name } et l’{ -tier-api-name }, consultez [les articles qui leur sont consacrés]({ $commercial-help }).
about-training = Les grands modèles de langage comme { -product-name } sont entraînés sur du texte et d’autres contenus afin d’apprendre les schémas et les liens entre les mots. Cet entraînement est important pour que le modèle fonctionne efficacement et en toute sécurité.
    .title = À propos de l’entraînement des modèles
data-sources =
    Nous ne cherchons pas activement à collecter des données personnelles pour entraîner nos modèles. Toutefois, une grande partie des informations disponibles sur Internet concerne des personnes : nos données d’entraînement peuvent donc contenir fortuitement des données personnelles.
    
    Nos données d’entraînement proviennent { $count ->
        [one] de la source suivante :
       *[other] des sources suivantes :
    }
    .title = D’où proviennent les données d’entraînement
source-public-web = les informations accessibles publiquement sur Internet
source-licensed-datasets = les jeux de données que des entreprises tierces nous concèdent sous licence
source-users-and-crowd-workers = les données fournies par nos utilisateurs ou par des microtravailleurs
personal-data-use = Nous n’utilisons les données personnelles contenues dans nos données d’entraînement que pour aider nos modèles à apprendre le langage et à comprendre comment y répondre. Nous n’utilisons pas ces données personnelles pour :
    .title = À quoi servent les données personnelles présentes dans les données d’entraînement
no-contacting-people = contacter des personnes
no-profiling = établir des profils de personnes
no-selling-or-marketing = chercher à vendre quoi que ce soit à des personnes ou à leur en faire la promotion
no-selling-personal-data = vendre ces informations elles-mêmes à un tiers
safeguards = Nous prenons des mesures pour limiter autant que possible les répercussions sur la vie privée des personnes tout au long du processus d’entraînement, et nous appliquons des règles et des lignes directrices strictes.
    .title = Comment nous protégeons la vie privée lors de la collecte des données et de l’entraînement
safeguard-no-password-protected-pages = Nous n’accédons pas aux pages protégées par un mot de passe.
safeguard-no-captcha-bypass = Nous ne contournons pas les contrôles CAPTCHA.
safeguard-licensed-data-due-diligence = Nous procédons à des vérifications préalables sur les données qui nous sont concédées sous licence.
safeguard-advice-no-personal-data = Nous encourageons nos utilisateurs à ne pas se servir de nos produits et services pour traiter des données personnelles.
safeguard-sensitive-data-filtering = Lorsque des conversations servent à l’entraînement, nous en filtrons les données sensibles au moyen d’une combinaison d’outils et de processus automatisés, et nous ne partageons pas ces données avec des tiers.
safeguard-constitution = Nos modèles sont en outre spécifiquement entraînés à respecter la vie privée. Nous avons intégré des garanties essentielles de « protection de la vie privée dès la conception » dans le développement de { -product-name }, grâce à l’approche d’{ -constitutional-ai-name } que nous avons adoptée. Celle-ci donne à { -product-name } un ensemble de principes, sa « constitution », qui guide l’entraînement des modèles { -product-name } et les jugements portés sur leurs réponses. Ces principes s’inspirent en partie de la Déclaration universelle des droits de l’homme et comprennent des règles précises sur la vie privée, en particulier celle des personnes qui ne sont pas des personnalités publiques. Ils demandent notamment à { -product-name } de choisir la réponse :
safeguard-constitutional-ai = [Découvrez comment fonctionne l’{ -constitutional-ai-name }]({ $constitutional-ai }).
principle-most-respectful-of-privacy = qui respecte le plus la vie privée, l’indépendance, la réputation, la famille, les droits de propriété et le droit d’association de chacun
principle-least-personal-information = qui contient le moins d’informations personnelles, privées ou confidentielles appartenant à autrui
safeguard-no-repeating-personal-data = Cette constitution entraîne aussi nos modèles à ne divulguer ni répéter les données personnelles qui auraient pu se retrouver fortuitement dans les données d’entraînement, même si on le leur demande.
safeguard-no-database-storage = Les modèles ne stockent pas le texte à la manière d’une base de données ; ils ne se contentent pas non plus de « mélanger » des contenus existants ou d’en faire un « collage ». Ils repèrent des schémas généraux qui aident les gens à créer de nouveaux contenus et, une fois entraînés, n’ont plus accès aux données d’entraînement d’origine.
rights = Notre [Politique de confidentialité]({ $privacy-policy }) décrit vos droits sur vos données personnelles, y compris en ce qui concerne nos activités d’entraînement. Vous avez notamment le droit de :
    .title = Vos droits en matière de vie privée
right-copy = demander une copie de vos données personnelles
right-object = vous opposer à ce que nous traitions vos données personnelles
right-delete = demander la suppression de vos données personnelles
rights-limits = Nous faisons tout notre possible pour répondre à ces demandes. Sachez toutefois que ces droits sont limités et que le traitement des demandes portant sur notre jeu de données d’entraînement est un processus complexe.
rights-learn-more = Pour en savoir plus, ou pour savoir comment nous contacter au sujet d’une question de confidentialité, consultez notre [{ -trust-center-name }]({ $trust-center }) et notre [Politique de confidentialité]({ $privacy-policy }).
controller-rule = Notre [Politique de confidentialité]({ $privacy-policy }) ne s’applique pas lorsqu’{ -organization-name } agit en qualité de sous-traitant et traite des données personnelles pour le compte de clients professionnels qui utilisent ses services professionnels. Dans ce cas, c’est le client professionnel qui est responsable du traitement, et vous pouvez consulter ses politiques pour en savoir plus sur la manière dont il traite vos données personnelles.
    .title = Quand une entreprise est responsable de vos données
