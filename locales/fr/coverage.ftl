### Produits concernés. Les noms des produits sont des termes générés à partir de la politique.

coverage = Cette politique s’applique à nos produits grand public. Elle ne s’applique pas à nos produits professionnels.
    .title = Produits concernés
coverage-covered = Elle s’applique à :
coverage-not-covered = Elle ne s’applique pas à :
