### Speicherdauer. Die Zeiträume stammen aus der Richtlinie, über die Nachricht `duration`.

retention = { $default ->
        [opt-in] So lange speichern wir Ihre Daten:
       *[opt-out] Wie lange wir Ihre Gespräche speichern, hängt von Ihrer Wahl ab.
    }
    .title = Wie lange wir Ihre Daten speichern
retention-conversations = Wir löschen Ihre Gespräche, wenn sie { $period } alt sind.
retention-training-allowed = Wenn Sie zulassen, dass Ihre Gespräche für das Training verwendet werden, speichern wir sie bis zu { $period } lang.
retention-training-declined = Wenn Sie die Verwendung Ihrer Gespräche für das Training nicht zulassen, speichern wir sie { $period } lang.
retention-feedback = Wenn Sie uns Feedback senden, speichern wir es zusammen mit dem zugehörigen Gespräch bis zu { $period } lang.
retention-longer-from = Die längere Speicherdauer für Gespräche, deren Verwendung für das Training Sie zulassen, gilt ab Ende { $from }.
