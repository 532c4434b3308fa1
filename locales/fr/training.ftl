### Utilisation des conversations pour l’entraînement : la règle, les cas, le choix.

training-rule =
    { $default ->
        [opt-in] Nous n’utilisons vos conversations pour entraîner nos modèles que si elles sont signalées pour examen à notre équipe { -trust-and-safety-name }, si vous nous les transmettez avec votre avis ou si vous choisissez de l’autoriser.
       *[opt-out] Vos conversations peuvent servir à entraîner nos modèles, sauf si vous désactivez l’option correspondante. Cette règle s’applique à { $covered }.
    }
    .title = Ce qui s’applique à vos conversations
training-exceptions = Une conversation peut servir à entraîner nos modèles dans l’un des cas suivants :
    .title = Dans quels cas une conversation peut servir à l’entraînement
exception-trust-and-safety = Elle a été signalée pour examen à notre équipe { -trust-and-safety-name }. Nous pouvons alors l’utiliser ou l’analyser pour mieux détecter les manquements à notre Politique d’utilisation et la faire respecter, notamment en entraînant des modèles utilisés par cette équipe, conformément à la mission de sécurité d’{ -organization-name }.
exception-feedback = Vous nous l’avez explicitement transmise, par exemple au moyen des outils qui vous permettent de nous donner votre avis.
exception-your-choice =
    { $default ->
        [opt-in] Vous avez expressément choisi d’autoriser l’utilisation de vos conversations pour l’entraînement, par exemple en participant à notre programme de testeurs de confiance.
       *[opt-out] Le paramètre « { $setting } » est activé, et il le reste tant que vous ne le désactivez pas.
    }
training-choice = Le paramètre « { $setting } » vous permet de choisir si vos conversations peuvent servir à l’entraînement.
    .title = Comment faire votre choix
choice-at-signup = Si vous n’avez pas encore de compte { -product-name }, vous faites ce choix lors de votre inscription.
choice-existing-users =
    { $pop-up-status ->
        [open] Si vous utilisez déjà { -product-name }, une fenêtre contextuelle intitulée « { $prompt } » vous demande de choisir. Dans cette fenêtre, décochez l’option si vous ne souhaitez pas que vos conversations servent à l’entraînement.
       *[passed] Si vous utilisiez déjà { -product-name } au moment de ce changement, une fenêtre contextuelle intitulée « { $prompt } » vous a demandé de choisir. Il suffisait d’y décocher l’option pour que vos conversations ne servent pas à l’entraînement.
    }
choice-deadline =
    { $deadline-status ->
        [open] Si vous utilisez déjà { -product-name }, vous devez faire votre choix au plus tard le { $deadline-until } pour continuer à l’utiliser.
       *[passed] Si vous utilisiez déjà { -product-name }, vous deviez faire votre choix au plus tard le { $deadline-until } pour continuer à l’utiliser.
    }
choice-new-and-existing = Si vous autorisez l’utilisation de vos conversations pour l’entraînement, vos nouvelles conversations ou vos conversations existantes peuvent être utilisées.
choice-in-settings = Vous pouvez aussi désactiver le paramètre « { $setting } » dans { $location }.
choice-deleted-conversations = Les conversations que vous supprimez ne serviront pas aux entraînements futurs.
update-reasons = Le { $announced }, nous avons annoncé une mise à jour de nos conditions d’utilisation et de notre politique de confidentialité, pour les raisons suivantes :
    .title = Pourquoi nous avons mis à jour nos conditions
reason-capable-models = Elle nous permet de développer des modèles d’IA plus performants et plus utiles.
reason-protection-against-abuse = Elle renforce nos protections contre les usages nuisibles, comme les arnaques et les abus.
reason-harmful-content-detection = Les conversations partagées nous aident à améliorer la sécurité de nos modèles, en rendant nos systèmes de détection des contenus préjudiciables plus précis et moins susceptibles de signaler des conversations inoffensives.
reason-skills = Elles aident les futurs modèles { -product-name } à améliorer leurs compétences en programmation, en analyse et en raisonnement, ce qui permettra à terme de créer de meilleurs modèles pour tous les utilisateurs.
reason-real-interactions = Les données issues d’interactions réelles fournissent des informations précieuses sur les réponses les plus utiles et les plus précises pour les utilisateurs.
reason-user-control = Le choix que vous faites vise à vous donner le contrôle de vos données, tout en nous permettant d’améliorer nos modèles.
