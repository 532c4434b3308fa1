### The help articles: each page's title (.title) and the summary under it.

page-personal-data-in-training = Where our training data comes from, what we do and don’t do with the personal data it may contain, how we protect privacy, and the rights you have.
    .title = How do you use personal data in model training?
page-conversations-and-training = What applies to your conversations, the cases in which they can be used, how to make your choice, and why we updated our terms.
    .title = Are my conversations used to train your models?
page-data-retention = How long we keep your conversations and your feedback.
    .title = How long do you keep my data?
page-covered-products = The products this policy applies to, and the ones it does not.
    .title = Which products does this policy cover?
page-feedback = What we store when you send feedback, and how we use it.
    .title = What happens to the feedback I send?

## The help center as a whole: its name, its index and what it says about translations.

site-title = { -product-name } Help Center
index-title = Privacy and model training
index-intro = How { -organization-name } uses data to train { -product-name }, what you can choose, and how long your data is kept.
footer-note = { -organization-name } · Privacy and model training
# Shown on a block whose English text changed after its translation was last written
# or confirmed (never shown in English); .undated when no commit dates the change yet.
# Variables:
#   $changed (String) - the day the English text of the block last changed
stale-notice = The English text of this section changed on { $changed }; this translation is being reviewed.
    .undated = The English text of this section changed; this translation is being reviewed.
    .link = Read the English version
