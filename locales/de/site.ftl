### Elemente, die jede Seite zeigt.

language-name = Deutsch
site-title = { -product-name }-Hilfecenter
skip-to-content = Zum Hauptinhalt springen
language-switcher = Sprache
breadcrumb-label = Brotkrümelnavigation
choose-language = Das Hilfecenter auf Deutsch lesen
index-title = Datenschutz und Modelltraining
index-intro = Wie { -organization-name } Daten für das Training von { -product-name } verwendet, welche Wahl Sie haben und wie lange Ihre Daten gespeichert werden.
related-articles = In diesem Bereich
footer-note = { -organization-name } · Datenschutz und Modelltraining

page-dates = Aktualisiert am { $updated } · Gültig ab dem { $effective }

duration = { $unit ->
    [weeks] { $amount ->
        [one] { $amount } Woche
       *[other] { $amount } Wochen
    }
    [months] { $amount ->
        [one] { $amount } Monat
       *[other] { $amount } Monate
    }
    [years] { $amount ->
        [one] { $amount } Jahr
       *[other] { $amount } Jahre
    }
   *[days] { $amount ->
        [one] { $amount } Tag
       *[other] { $amount } Tage
    }
}

stale-notice = Der englische Text dieses Abschnitts wurde am { $changed } geändert; diese Übersetzung wird derzeit überprüft.
    .link = Englische Fassung lesen
