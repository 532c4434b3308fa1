### How personal data relates to model training.

# Variables:
#   $commercial-help (String) - the address of the help articles on commercial products
article-scope = This article is about our consumer products, such as { -tier-free-name } and { -tier-pro-name }. For our commercial products, such as { -tier-work-name } and the { -tier-api-name }, see [the articles on our commercial products]({ $commercial-help }).
about-training = Large language models such as { -product-name } are trained on text and other content so that they learn the patterns and connections between words. This training is important so that a model works effectively and safely.
    .title = About model training
# Variables:
#   $count (Number) - how many sources of training data the policy lists (it picks the
#   singular or plural; the list that follows shows them, so no digit is written)
data-sources =
    We don’t actively seek to collect personal data to train our models. A great deal of the information on the internet is about people, however, so our training data may include personal data incidentally.
    
    Our training data comes from { $count ->
        [one] one source:
       *[other] the following sources:
    }
    .title = Where training data comes from
source-public-web = information that is publicly available on the internet
source-licensed-datasets = datasets that we license from third-party businesses
source-users-and-crowd-workers = data that our users or crowd workers provide
personal-data-use = We use the personal data contained in our training data only to help our models learn language and how to respond to it. We don’t use that personal data to:
    .title = What personal data in training data is used for
no-contacting-people = contact people
no-profiling = build profiles about people
no-selling-or-marketing = try to sell or market anything to people
no-selling-personal-data = sell the information itself to any third party
safeguards = We take steps to minimize the impact on people’s privacy throughout the training process, and we operate under strict policies and guidelines.
    .title = How we protect privacy when collecting data and training
safeguard-no-password-protected-pages = We don’t access password-protected pages.
safeguard-no-captcha-bypass = We don’t bypass CAPTCHA controls.
safeguard-licensed-data-due-diligence = We carry out due diligence on the data we license.
safeguard-advice-no-personal-data = We encourage our users not to use our products and services to process personal data.
safeguard-sensitive-data-filtering = When conversations are used for training, we filter out sensitive data with a combination of automated tools and processes, and we don’t share that data with third parties.
safeguard-constitution = Our models are also trained specifically to respect privacy. We have built key “privacy by design” safeguards into the development of { -product-name } through our adoption of { -constitutional-ai-name }, which gives { -product-name } a set of principles, its “constitution”, to guide the training of { -product-name } models and the judgments made about their outputs. These principles are based in part on the Universal Declaration of Human Rights and include specific rules on privacy, especially for people who are not public figures. Among other things, they ask { -product-name } to choose the response that:
# Variables:
#   $constitutional-ai (String) - the address of the page on Constitutional AI
safeguard-constitutional-ai = [Learn how { -constitutional-ai-name } works]({ $constitutional-ai }).
principle-most-respectful-of-privacy = is most respectful of everyone’s privacy, independence, reputation, family, property rights and rights of association
principle-least-personal-information = contains the least personal, private or confidential information belonging to others
safeguard-no-repeating-personal-data = The constitution also trains our models not to disclose or repeat personal data that may have been captured incidentally in training data, even when asked to.
safeguard-no-database-storage = Models don’t store text the way a database does, nor do they simply “mix” or “collage” existing content. They identify general patterns that help people create new content, and once trained they have no access to the original training data.
# Variables:
#   $privacy-policy (String) - the Privacy Policy's address
#   $trust-center (String) - the Trust Center's address
# Links to pages in one language only are followed, on pages in the others, by the
# `link-language` hint, e.g. "(in English)": never type it.
rights = Our [Privacy Policy]({ $privacy-policy }) explains your rights over your personal data, including with respect to our training activities. You have the right to:
    .title = Your privacy rights
right-copy = request a copy of your personal data
right-object = object to our processing of your personal data
right-delete = request that your personal data be deleted
rights-limits = We make every effort to respond to these requests. Please be aware, however, that these rights are limited, and that acting on requests that concern our training dataset is a complex process.
rights-learn-more = To find out more, or to learn how to contact us about a privacy matter, see our [{ -trust-center-name }]({ $trust-center }) and our [Privacy Policy]({ $privacy-policy }).
# Variables:
#   $privacy-policy (String) - the Privacy Policy's address
controller-rule = Our [Privacy Policy]({ $privacy-policy }) doesn’t apply where { -organization-name } acts as a data processor and handles personal data on behalf of commercial customers using its commercial services. In those cases, the commercial customer is the data controller, and you can consult its policies to learn more about how it handles your personal data.
    .title = When a business is responsible for your data
