### Éléments communs à toutes les pages.

language-name = Français
skip-to-content = Aller au contenu principal
language-switcher = Langue
breadcrumb-label = Fil d’Ariane
choose-language = Consulter le centre d’aide en français
related-articles = Dans cette rubrique
page-announced = Mise à jour annoncée le { $announced }
page-updated = Mis à jour le { $updated }
page-effective = En vigueur depuis le { $effective }
duration =
    { $unit ->
        [minutes]
            { $amount ->
                [one] { $amount } minute
               *[other] { $amount } minutes
            }
        [hours]
            { $amount ->
                [one] { $amount } heure
               *[other] { $amount } heures
            }
        [weeks]
            { $amount ->
                [one] { $amount } semaine
               *[other] { $amount } semaines
            }
        [months] { $amount } mois
        [years]
            { $amount ->
                [one] { $amount } an
               *[other] { $amount } ans
            }
       *[days]
            { $amount ->
                [one] { $amount } jour
               *[other] { $amount } jours
            }
    }
upcoming-notice =
    { $dated ->
        [announced] Le contenu de cette section change avec la mise à jour annoncée le { $date }.
       *[effective] Le contenu de cette section sera modifié à compter du { $date }.
    }
    .link = Voir les modifications
untranslated-notice = Pas encore traduit : cette partie s’affiche dans sa langue d’origine en attendant sa traduction.
changes-title =
    { $dated ->
        [announced] Ce que change la mise à jour annoncée le { $date }
       *[effective]
            { $status ->
                [upcoming] Modifications entrant en vigueur le { $date }
               *[past] Modifications du { $date }
            }
    }
changes-intro =
    { $dated ->
        [announced] Une nouvelle version de cette politique a été annoncée le { $date }. Chaque information qu’elle modifie est présentée telle qu’elle était avant la mise à jour et telle qu’elle est avec celle-ci.
       *[effective]
            { $status ->
                [upcoming] Une nouvelle version de cette politique entre en vigueur le { $date }. Chaque information qui change est présentée telle qu’elle est aujourd’hui et telle qu’elle sera.
               *[past] Une nouvelle version de cette politique est entrée en vigueur le { $date }. Chaque information modifiée est présentée telle qu’elle était auparavant et telle qu’elle est désormais.
            }
    }
changes-before =
    { $dated ->
        [announced] Avant la mise à jour
       *[effective]
            { $status ->
                [upcoming] Avant le { $date }
               *[past] Avant le { $date }
            }
    }
changes-after =
    { $dated ->
        [announced] Avec la mise à jour
       *[effective]
            { $status ->
                [upcoming] À compter du { $date }
               *[past] Depuis le { $date }
            }
    }
changes-added =
    { $dated ->
        [announced] Précisé avec la mise à jour
       *[effective]
            { $status ->
                [upcoming] Nouvelle disposition à compter du { $date }
               *[past] Nouvelle disposition depuis le { $date }
            }
    }
changes-removed =
    { $dated ->
        [announced] Ne figure plus dans la politique mise à jour
       *[effective]
            { $status ->
                [upcoming] Ne s’appliquera plus à compter du { $date }
               *[past] Ne s’applique plus depuis le { $date }
            }
    }
link-language =
    { $language ->
        [fr] (en français)
        [de] (en allemand)
        [es] (en espagnol)
       *[en] (en anglais)
    }
policy-history = Historique de la politique
not-found-title = Page introuvable
not-found-text = La page que vous recherchez ne se trouve pas à cette adresse. Elle a peut-être été déplacée : choisissez une langue pour retrouver les articles d’aide.
search-link = Rechercher
search-title = Rechercher dans le centre d’aide
search-label = Termes à rechercher
search-button = Rechercher
search-results = Résultats
search-no-results = Aucun article ne correspond à votre recherche. Essayez d’autres termes ou parcourez la liste des articles sur la page d’accueil.
search-unavailable = La recherche n’est pas disponible pour le moment. Parcourez plutôt la liste des articles sur la page d’accueil.
search-noscript = La recherche nécessite JavaScript. Tous les articles sont répertoriés sur la page d’accueil :
