### Produits concernés. Les noms des produits sont des termes générés à partir de la politique.

coverage = Cette politique s’applique à nos produits grand public. Elle ne s’applique pas à nos produits commerciaux.
    .title = Produits concernés
coverage-covered = Elle s’applique à :
coverage-not-covered = Elle ne s’applique pas à :

tier-free = { -tier-free-name }
tier-pro = { -tier-pro-name }
tier-max = { -tier-max-name }
tier-claude-code = { -tier-claude-code-name }, lorsqu’il est utilisé avec un compte { $used-with }
tier-work = { -tier-work-name } ({ $plans })
tier-gov = { -tier-gov-name }
tier-education = { -tier-education-name }
tier-api = { -tier-api-name }
