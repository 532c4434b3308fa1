### Utilisation des conversations pour l’entraînement : la règle, les cas, le choix.

training-rule = { $default ->
        [opt-in] Nous n’utilisons vos conversations pour entraîner nos modèles que si elles sont signalées pour examen par notre équipe Confiance et sécurité, si vous nous les envoyez avec votre avis ou si vous choisissez de l’autoriser.
       *[opt-out] À compter du { $effective }, vos conversations peuvent servir à entraîner nos modèles, sauf si vous le refusez. Cette règle s’applique à { $covered }.
    }
    .title = La règle

training-exceptions = Une conversation peut servir à entraîner nos modèles dans l’un des cas suivants :
    .title = Quand une conversation peut servir à l’entraînement
exception-trust-and-safety = Elle a été signalée pour examen par notre équipe Confiance et sécurité. Nous pouvons alors l’utiliser ou l’analyser afin d’améliorer notre capacité à détecter les manquements à notre Politique d’utilisation et à la faire respecter, notamment en entraînant des modèles utilisés par cette équipe, conformément à la mission de sécurité d’{ -organization-name }.
exception-feedback = Vous nous l’avez explicitement envoyée, par exemple au moyen des outils prévus pour nous donner votre avis.
exception-your-choice = { $default ->
        [opt-in] Vous avez choisi d’autoriser l’utilisation de vos conversations pour l’entraînement, par exemple en participant à notre programme de testeurs de confiance.
       *[opt-out] Le paramètre « { $setting } » est activé, et il le reste tant que vous ne le désactivez pas.
    }

training-choice = Le paramètre « { $setting } » vous permet de choisir si vos conversations peuvent servir à l’entraînement.
    .title = Comment faire votre choix
choice-at-signup = Si vous n’avez pas encore de compte { -product-name }, vous faites ce choix lors de votre inscription.
choice-existing-users = { $pop-up-status ->
        [open] Si vous utilisez déjà { -product-name }, une fenêtre contextuelle intitulée « { $prompt } » vous demande de choisir. Dans cette fenêtre, décochez l’option si vous ne souhaitez pas que vos conversations servent à l’entraînement.
       *[passed] Si vous utilisiez déjà { -product-name } au moment de ce changement, une fenêtre contextuelle intitulée « { $prompt } » vous a demandé de choisir. Il suffisait d’y décocher l’option pour que vos conversations ne servent pas à l’entraînement.
    }
choice-deadline = { $deadline-status ->
        [open] Si vous utilisez déjà { -product-name }, vous devez faire votre choix au plus tard le { $deadline-until } pour continuer à l’utiliser.
       *[passed] Si vous utilisiez déjà { -product-name }, vous deviez faire votre choix au plus tard le { $deadline-until } pour continuer à l’utiliser.
    }
choice-new-and-existing = Si vous autorisez l’utilisation de vos conversations pour l’entraînement, vos nouvelles conversations ou vos conversations existantes peuvent être utilisées.
choice-in-settings = Vous pouvez aussi désactiver le paramètre « { $setting } » dans { $location }.
choice-deleted-conversations = Les conversations que vous supprimez ne servent pas aux futurs entraînements.
