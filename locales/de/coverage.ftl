### Erfasste Produkte. Die Produktnamen sind Terme, die aus der Richtlinie erzeugt werden.

coverage = Diese Richtlinie gilt für unsere Verbraucherprodukte, nicht aber für unsere Produkte für Unternehmen.
    .title = Geltungsbereich
coverage-covered = Sie gilt für:
coverage-not-covered = Sie gilt nicht für:
