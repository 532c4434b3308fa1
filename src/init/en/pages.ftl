### This help center's own texts: its name, its index and its articles' titles.
### Write them in the reference locale ({{reference}}) first; every other locale
### translates them. Terms such as { -organization-name } come from policy/policy.yaml.

site-title = { -organization-name } Help Center
index-title = Help articles
index-intro = What { -organization-name } does with your messages, and how to reach us.
footer-note = { -organization-name } · Help Center
# Each page of policy.yaml: its summary, and its title (.title).
page-contact-us = How to reach us, and how soon we answer.
    .title = Contacting us
# Shown on a block whose translation has not been confirmed since the reference text
# changed (never shown in the reference locale).
# Variables:
#   $changed (String) - the day the reference text of the block last changed
#   .undated is shown instead when no commit dates the change (uncommitted, or no git)
stale-notice = The original text of this section changed on { $changed }; this translation is being reviewed.
    .undated = The original text of this section changed; this translation is being reviewed.
    .link = Read the original version
