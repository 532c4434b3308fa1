### Durées de conservation. Les durées viennent de la politique, via le message `duration`.

retention =
    { $default ->
        [opt-in] Voici combien de temps nous conservons vos données :
       *[opt-out] La durée pendant laquelle vos conversations sont conservées dépend de votre choix.
    }
    .title = Combien de temps nous conservons vos données
retention-training-allowed = Si vous autorisez l’utilisation de vos conversations pour l’entraînement, nous les conservons jusqu’à { $period }.
retention-training-declined =
    { $default ->
        [opt-in] Nous supprimons vos conversations au bout de { $period }.
       *[opt-out] Si vous n’autorisez pas l’utilisation de vos conversations pour l’entraînement, rien ne change : nous les conservons pendant { $period }.
    }
retention-feedback = Lorsque vous nous donnez votre avis, nous le conservons avec la conversation concernée jusqu’à { $period }.
retention-longer-from = La conservation prolongée des conversations dont vous autorisez l’utilisation pour l’entraînement s’applique à compter de fin { $from }.
