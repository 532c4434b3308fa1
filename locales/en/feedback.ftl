### How feedback is handled.

feedback = When you send us feedback, for example with the thumbs up or thumbs down icons:
    .title = How we handle your feedback
feedback-whole-conversation = We store the entire related conversation as part of your feedback, including any content, custom styles and conversation preferences, in our secured back end.
feedback-no-integration-content = Feedback data doesn’t include raw content from integrations (for example Google Drive), although such content may be included if it was copied directly into your conversation with { -product-name }.
feedback-delinked-from-user-id = We disassociate your feedback from your user ID (for example your email address) before { -organization-name } uses it.
feedback-uses = We may use your feedback to analyze the effectiveness of our services, conduct research, study user behavior and train our AI models, as permitted under applicable law.
feedback-not-combined = We don’t combine your feedback with your other conversations with { -product-name }.
