### Erfasste Produkte. Die Produktnamen sind Terme, die aus der Richtlinie erzeugt werden.

coverage = Diese Richtlinie gilt für unsere Verbraucherprodukte, nicht jedoch für unsere kommerziellen Produkte.
    .title = Welche Produkte erfasst sind
coverage-covered = Erfasst sind:
coverage-not-covered = Nicht erfasst sind:

tier-free = { -tier-free-name }
tier-pro = { -tier-pro-name }
tier-max = { -tier-max-name }
tier-claude-code = { -tier-claude-code-name }, wenn es mit einem Konto für { $used-with } genutzt wird
tier-work = { -tier-work-name } ({ $plans })
tier-gov = { -tier-gov-name }
tier-education = { -tier-education-name }
tier-api = { -tier-api-name }
