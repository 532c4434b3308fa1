### Which products the policy covers. Product names are terms generated from the policy.

coverage = This policy applies to our consumer products. It does not apply to our commercial products.
    .title = Which products this covers
# Variables:
#   $count (Number) - how many products are listed
#   $tiers (String) - the products, as a list
coverage-covered = It covers:
coverage-not-covered = It does not cover:
