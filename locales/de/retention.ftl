### Speicherdauer. Die Zeiträume stammen aus der Richtlinie, über die Nachricht `duration`.

retention =
    { $default ->
        [opt-in] So lange speichern wir Ihre Daten:
       *[opt-out] Wie lange wir Ihre Gespräche speichern, hängt von Ihrer Entscheidung ab.
    }
    .title = Wie lange wir Ihre Daten speichern
retention-training-allowed = Wenn Sie die Verwendung Ihrer Gespräche für das Training zulassen, speichern wir sie bis zu { $period } lang.
retention-training-declined =
    { $default ->
        [opt-in] Wir speichern Ihre Gespräche { $period } lang und löschen sie danach.
       *[opt-out] Wenn Sie die Verwendung Ihrer Gespräche für das Training nicht zulassen, bleibt ihre Speicherdauer wie bisher auf { $period } begrenzt.
    }
retention-feedback = Wenn Sie uns Feedback senden, speichern wir es zusammen mit dem zugehörigen Gespräch bis zu { $period } lang.
retention-longer-from = Die längere Speicherdauer für Gespräche, deren Verwendung für das Training Sie zulassen, gilt ab Ende { $from }.
