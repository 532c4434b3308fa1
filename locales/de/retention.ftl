### Speicherdauer. Die Zeiträume stammen aus der Richtlinie, über die Nachricht `duration`.

retention = Wie lange wir Ihre Gespräche speichern, hängt von Ihrer Wahl ab.
    .title = Wie lange wir Ihre Daten speichern
retention-training-allowed = Wenn Sie der Verwendung Ihrer Gespräche für das Training zustimmen, speichern wir sie bis zu { $period }.
retention-training-declined = Wenn Sie nicht zustimmen, speichern wir sie { $period } lang.
retention-feedback = Wenn Sie uns Feedback senden, speichern wir es zusammen mit dem zugehörigen Gespräch bis zu { $period }.
