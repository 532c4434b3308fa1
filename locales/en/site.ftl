### Site chrome: what every page shows around the articles.
### Terms such as { -product-name } and { -organization-name } come from policy/policy.yaml.

# The language's own name, shown in the language switcher.
language-name = English
site-title = { -product-name } Help Center
skip-to-content = Skip to main content
language-switcher = Language
breadcrumb-label = Breadcrumb
choose-language = Read the help center in English
index-title = Privacy and model training
index-intro = How { -organization-name } uses data to train { -product-name }, what you can choose, and how long your data is kept.
related-articles = In this section
footer-note = { -organization-name } · Privacy and model training

# Shown under each title.
# Variables:
#   $updated (String) - date the policy text was last updated
#   $effective (String) - date the version in force takes effect
page-dates = Updated { $updated } · Effective { $effective }

# A length of time, used wherever the policy states a period.
# Variables:
#   $amount (Number) - how many units
#   $unit (String) - days, weeks, months or years
duration = { $unit ->
    [weeks] { $amount ->
        [one] { $amount } week
       *[other] { $amount } weeks
    }
    [months] { $amount ->
        [one] { $amount } month
       *[other] { $amount } months
    }
    [years] { $amount ->
        [one] { $amount } year
       *[other] { $amount } years
    }
   *[days] { $amount ->
        [one] { $amount } day
       *[other] { $amount } days
    }
}

# Shown on a block whose translation has not been confirmed since its English text
# changed (never shown in English).
# Variables:
#   $changed (String) - the day the English text of the block last changed
stale-notice = The English text of this section changed on { $changed }; this translation is being reviewed.
    .link = Read the English version
