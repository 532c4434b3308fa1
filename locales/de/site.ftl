### Elemente, die jede Seite zeigt.

language-name = Deutsch
skip-to-content = Zum Hauptinhalt springen
language-switcher = Sprache
breadcrumb-label = Navigationspfad
choose-language = Das Hilfecenter auf Deutsch lesen
related-articles = In diesem Bereich
page-announced = Aktualisierung angekündigt am { $announced }
page-updated = Aktualisiert am { $updated }
page-effective = Gültig seit dem { $effective }
duration =
    { $unit ->
        [minutes]
            { $amount ->
                [one] { $amount } Minute
               *[other] { $amount } Minuten
            }
        [hours]
            { $amount ->
                [one] { $amount } Stunde
               *[other] { $amount } Stunden
            }
        [weeks]
            { $amount ->
                [one] { $amount } Woche
               *[other] { $amount } Wochen
            }
        [months]
            { $amount ->
                [one] { $amount } Monat
               *[other] { $amount } Monate
            }
        [years]
            { $amount ->
                [one] { $amount } Jahr
               *[other] { $amount } Jahre
            }
       *[days]
            { $amount ->
                [one] { $amount } Tag
               *[other] { $amount } Tage
            }
    }
upcoming-notice =
    { $dated ->
        [announced] Dieser Abschnitt ändert sich mit der am { $date } angekündigten Aktualisierung.
       *[effective] Ab dem { $date } ändert sich dieser Abschnitt.
    }
    .link = Änderungen ansehen
untranslated-notice = Noch nicht übersetzt: Dieser Teil wird in der Originalsprache angezeigt, bis die Übersetzung vorliegt.
changes-title =
    { $dated ->
        [announced] Was sich mit der am { $date } angekündigten Aktualisierung ändert
       *[effective]
            { $status ->
                [upcoming] Was sich am { $date } ändert
               *[past] Was sich am { $date } geändert hat
            }
    }
changes-intro =
    { $dated ->
        [announced] Am { $date } wurde eine neue Fassung dieser Richtlinie angekündigt. Für jede Angabe, die sie ändert, sehen Sie hier die Fassung vor und nach der Aktualisierung.
       *[effective]
            { $status ->
                [upcoming] Am { $date } tritt eine neue Fassung dieser Richtlinie in Kraft. Für jede Angabe, die sich ändert, sehen Sie hier die jetzige und die künftige Fassung.
               *[past] Am { $date } ist eine neue Fassung dieser Richtlinie in Kraft getreten. Für jede geänderte Angabe sehen Sie hier die frühere und die seitdem geltende Fassung.
            }
    }
changes-before =
    { $dated ->
        [announced] Vor der Aktualisierung
       *[effective]
            { $status ->
                [upcoming] Vor dem { $date }
               *[past] Vor dem { $date }
            }
    }
changes-after =
    { $dated ->
        [announced] Nach der Aktualisierung
       *[effective]
            { $status ->
                [upcoming] Ab dem { $date }
               *[past] Seit dem { $date }
            }
    }
changes-added =
    { $dated ->
        [announced] Mit der Aktualisierung angegeben
       *[effective]
            { $status ->
                [upcoming] Neu ab dem { $date }
               *[past] Neu seit dem { $date }
            }
    }
changes-removed =
    { $dated ->
        [announced] Nach der Aktualisierung nicht mehr angegeben
       *[effective]
            { $status ->
                [upcoming] Gilt ab dem { $date } nicht mehr
               *[past] Gilt seit dem { $date } nicht mehr
            }
    }
link-language =
    { $language ->
        [fr] (auf Französisch)
        [de] (auf Deutsch)
        [es] (auf Spanisch)
       *[en] (auf Englisch)
    }
policy-history = Änderungen an dieser Richtlinie
not-found-title = Seite nicht gefunden
not-found-text = Unter dieser Adresse gibt es keine Seite. Die gesuchte Seite wurde möglicherweise verschoben: Wählen Sie eine Sprache, um die Hilfeartikel zu finden.
search-link = Suche
search-title = Im Hilfecenter suchen
search-label = Suchen nach
search-button = Suchen
search-results = Ergebnisse
search-no-results = Kein Artikel enthält diese Wörter. Versuchen Sie es mit anderen Begriffen oder wählen Sie einen Artikel aus der Übersicht.
search-unavailable = Die Suche ist gerade nicht verfügbar. Wählen Sie stattdessen einen Artikel aus der Übersicht.
search-noscript = Die Suche benötigt JavaScript. Alle Artikel finden Sie in der Übersicht:
