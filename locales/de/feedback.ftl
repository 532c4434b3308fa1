### Umgang mit Feedback.

feedback = Wenn Sie uns Feedback senden, zum Beispiel über die Symbole „Daumen hoch“ und „Daumen runter“, gilt Folgendes:
    .title = Wie wir mit Ihrem Feedback umgehen
feedback-whole-conversation = Wir speichern das gesamte zugehörige Gespräch – einschließlich aller Inhalte, benutzerdefinierten Stile und Gesprächseinstellungen – als Teil Ihres Feedbacks in unserem gesicherten Backend.
feedback-no-integration-content = Feedback-Daten enthalten keine Rohinhalte aus Integrationen (zum Beispiel Google Drive); solche Inhalte können jedoch enthalten sein, wenn sie direkt in Ihr Gespräch mit { -product-name } kopiert wurden.
feedback-delinked-from-user-id = Wir trennen Ihr Feedback von Ihrer Benutzer-ID (zum Beispiel Ihrer E-Mail-Adresse), bevor { -organization-name } es verwendet.
feedback-uses = Wir können Ihr Feedback verwenden, um die Wirksamkeit unserer Dienste zu analysieren, Forschung zu betreiben, das Nutzerverhalten zu untersuchen und unsere KI-Modelle zu trainieren, soweit dies nach geltendem Recht zulässig ist.
feedback-not-combined = Wir führen Ihr Feedback nicht mit Ihren anderen Gesprächen mit { -product-name } zusammen.
