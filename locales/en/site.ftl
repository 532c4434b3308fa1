### Site chrome: what every page shows around the articles.
### Terms such as { -product-name } and { -organization-name } come from policy/policy.yaml.

# The language's own name, shown in the language switcher.
language-name = English
skip-to-content = Skip to main content
language-switcher = Language
breadcrumb-label = Breadcrumb
choose-language = Read the help center in English
related-articles = In this section
# Shown under each title, when the version in force has these dates.
# Variables:
#   $announced (String) - date the version in force was announced
page-announced = Update announced on { $announced }
# Variables:
#   $updated (String) - date the policy text was last updated
page-updated = Updated { $updated }
# Variables:
#   $effective (String) - date the version in force took effect
page-effective = Effective { $effective }
# A length of time, used wherever the policy states a period.
# Variables:
#   $amount (Number) - how many units
#   $unit (String) - days, weeks, months or years
duration =
    { $unit ->
        [minutes]
            { $amount ->
                [one] { $amount } minute
               *[other] { $amount } minutes
            }
        [hours]
            { $amount ->
                [one] { $amount } hour
               *[other] { $amount } hours
            }
        [weeks]
            { $amount ->
                [one] { $amount } week
               *[other] { $amount } weeks
            }
        [months]
            { $amount ->
                [one] { $amount } month
               *[other] { $amount } months
            }
        [years]
            { $amount ->
                [one] { $amount } year
               *[other] { $amount } years
            }
       *[days]
            { $amount ->
                [one] { $amount } day
               *[other] { $amount } days
            }
    }

## Versions of the policy. $status is "past" for a change in force, "upcoming" for an
## announced one; $date is the day the change takes effect ($dated is "effective"), or
## the day it was announced when no source gives the day it takes effect ($dated is
## "announced": then say nothing of when it took effect).

# On a block that an announced version will change.
# Variables:
#   $date (String) - the day the change takes effect, or the day it was announced
#   $dated (String) - effective or announced: what $date is
upcoming-notice =
    { $dated ->
        [announced] This section changes with the update announced on { $date }.
       *[effective] From { $date }, this section changes.
    }
    .link = See what changes
# On a block shown in the reference text because its translation is not written yet
# (a fact new in the reference locale): in `serve`, and in a build when the policy says
# `untranslated: show-reference`. The reference's own pages never show it.
untranslated-notice = Not yet translated: this part is shown in its original language until its translation is ready.
# Title of a "what changed" page, and of the links to it.
# Variables:
#   $date (String) - the day the change takes effect, or the day it was announced
#   $status (String) - past or upcoming
#   $dated (String) - effective or announced: what $date is
changes-title =
    { $dated ->
        [announced] What the update announced on { $date } changes
       *[effective]
            { $status ->
                [upcoming] What changes on { $date }
               *[past] What changed on { $date }
            }
    }
# Variables:
#   $date (String), $status (String), $dated (String) - as for changes-title
changes-intro =
    { $dated ->
        [announced] A new version of this policy was announced on { $date }. Each fact it changes is shown as it was before the update and as it is with it.
       *[effective]
            { $status ->
                [upcoming] A new version of this policy takes effect on { $date }. Each fact that changes is shown as it is now and as it will be.
               *[past] A new version of this policy took effect on { $date }. Each fact that changed is shown as it was before and as it has been since.
            }
    }
# Labels on a "what changed" page.
# Variables:
#   $date (String), $status (String), $dated (String) - as for changes-title
# English says "Before" whether the change is upcoming or past; the select keeps
# $status for languages that word the two differently.
changes-before =
    { $dated ->
        [announced] Before the update
       *[effective]
            { $status ->
               *[any] Before { $date }
            }
    }
changes-after =
    { $dated ->
        [announced] With the update
       *[effective]
            { $status ->
                [upcoming] From { $date }
               *[past] Since { $date }
            }
    }
# Said of a fact the new version states and the one before did not: whether it is new
# in fact is the fact's own to say.
changes-added =
    { $dated ->
        [announced] Stated with the update
       *[effective]
            { $status ->
                [upcoming] New from { $date }
               *[past] New since { $date }
            }
    }
changes-removed =
    { $dated ->
        [announced] No longer stated with the update
       *[effective]
            { $status ->
                [upcoming] No longer applies from { $date }
               *[past] No longer applies since { $date }
            }
    }
# After a link to a page that exists in one language only, on pages in the others.
# Variables:
#   $language (String) - the tag of the linked page's language (en, fr, de…)
link-language =
    { $language ->
        [fr] (in French)
        [de] (in German)
        [es] (in Spanish)
       *[en] (in English)
    }
# Heading of the list of version changes on each index.
policy-history = Policy history

## The page shown for an address that does not exist.

not-found-title = Page not found
not-found-text = There is no page at this address. It may have moved: choose a language to find the help articles.

## Search (client-side; the index is built with the site).

search-link = Search
search-title = Search the help center
search-label = Search for
search-button = Search
search-results = Results
search-no-results = No article matches these words. Try other words, or browse the articles from the index.
search-unavailable = Search is not available right now. Browse the articles from the index instead.
search-noscript = Search needs JavaScript. Every article is listed on the index:
