### Erfasste Produkte. Die Produktnamen sind Terme, die aus der Richtlinie erzeugt werden.

coverage = Diese Richtlinie gilt für unsere Verbraucherprodukte, nicht jedoch für unsere kommerziellen Produkte.
    .title = Welche Produkte erfasst sind
coverage-covered = Erfasst sind:
coverage-not-covered = Nicht erfasst sind:
