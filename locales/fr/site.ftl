### Éléments communs à toutes les pages.

language-name = Français
site-title = Centre d’aide { -product-name }
skip-to-content = Aller au contenu principal
language-switcher = Langue
breadcrumb-label = Fil d’Ariane
choose-language = Consulter le centre d’aide en français
index-title = Confidentialité et entraînement des modèles
index-intro = Comment { -organization-name } utilise les données pour entraîner { -product-name }, ce que vous pouvez choisir et combien de temps vos données sont conservées.
related-articles = Dans cette rubrique
footer-note = { -organization-name } · Confidentialité et entraînement des modèles

page-dates = Mis à jour le { $updated } · En vigueur à compter du { $effective }

duration = { $unit ->
    [weeks] { $amount ->
        [one] { $amount } semaine
       *[other] { $amount } semaines
    }
    [months] { $amount } mois
    [years] { $amount ->
        [one] { $amount } an
       *[other] { $amount } ans
    }
   *[days] { $amount ->
        [one] { $amount } jour
       *[other] { $amount } jours
    }
}

stale-notice = Le texte anglais de cette section a été modifié le { $changed } ; cette traduction est en cours de révision.
    .link = Lire la version anglaise
