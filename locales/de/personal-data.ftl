### Personenbezogene Daten und Modelltraining.

article-scope = Dieser Artikel bezieht sich auf unsere Verbraucherprodukte wie { -tier-free-name } und { -tier-pro-name }. Informationen zu unseren kommerziellen Produkten, etwa { -tier-work-name } und der { -tier-api-name }, finden Sie in den [entsprechenden Hilfeartikeln]({ $commercial-help }).

about-training = Große Sprachmodelle wie { -product-name } werden mit Texten und anderen Inhalten trainiert, damit sie die Muster und Zusammenhänge zwischen Wörtern erlernen. Dieses Training ist wichtig, damit ein Modell wirksam und sicher arbeitet.
    .title = Über das Modelltraining

data-sources = Wir sammeln nicht gezielt personenbezogene Daten, um unsere Modelle zu trainieren. Da sich jedoch ein großer Teil der Informationen im Internet auf Personen bezieht, können unsere Trainingsdaten unbeabsichtigt auch personenbezogene Daten enthalten.

    Unsere Trainingsdaten stammen aus { $count ->
        [one] einer Quelle:
       *[other] den folgenden Quellen:
    }
    .title = Woher die Trainingsdaten stammen
source-public-web = öffentlich zugängliche Informationen aus dem Internet
source-licensed-datasets = Datensätze, für die wir von Drittunternehmen Lizenzen erwerben
source-users-and-crowd-workers = Daten, die unsere Nutzer oder Crowdworker bereitstellen

personal-data-use = Personenbezogene Daten, die in unseren Trainingsdaten enthalten sind, verwenden wir ausschließlich, um unseren Modellen Sprache beizubringen und ihnen zu vermitteln, wie sie darauf antworten können. Wir verwenden diese personenbezogenen Daten niemals, um:
    .title = Wofür personenbezogene Daten in Trainingsdaten verwendet werden
never-contact-people = Personen zu kontaktieren
never-build-profiles = Profile von Personen zu erstellen
never-sell-or-market-to-people = zu versuchen, Personen etwas zu verkaufen oder bei ihnen für etwas zu werben
never-sell-personal-data = die Informationen selbst an Dritte zu verkaufen

safeguards = Wir ergreifen während des gesamten Trainingsprozesses Maßnahmen, um die Auswirkungen auf die Privatsphäre von Personen möglichst gering zu halten, und arbeiten nach strengen Richtlinien und Vorgaben.
    .title = Wie wir die Privatsphäre bei der Datenerhebung und beim Training schützen
safeguard-no-password-protected-pages = Wir greifen nicht auf passwortgeschützte Seiten zu.
safeguard-no-captcha-bypass = Wir umgehen keine CAPTCHA-Abfragen.
safeguard-licensed-data-due-diligence = Wir prüfen Daten, für die wir Lizenzen erwerben, mit der gebotenen Sorgfalt.
safeguard-advice-no-personal-data = Wir empfehlen unseren Nutzern, unsere Produkte und Dienste nicht zur Verarbeitung personenbezogener Daten zu verwenden.
safeguard-sensitive-data-filtering = Wenn Gespräche für das Training verwendet werden, filtern wir sensible Daten mit einer Kombination aus automatisierten Werkzeugen und Verfahren heraus und geben diese Daten nicht an Dritte weiter.
safeguard-constitution = Unsere Modelle werden darauf trainiert, die Privatsphäre zu respektieren. Im Rahmen unseres Ansatzes „Constitutional AI“ folgt { -product-name } einer Reihe von Grundsätzen, seiner „Verfassung“. Diese leitet das Training der { -product-name }-Modelle und die Bewertung ihrer Antworten. Diese Grundsätze stützen sich zum Teil auf die Allgemeine Erklärung der Menschenrechte und enthalten konkrete Regeln zum Schutz der Privatsphäre, insbesondere von Personen, die nicht im öffentlichen Leben stehen. Dazu gehören:
safeguard-constitutional-ai = [So funktioniert Constitutional AI]({ $constitutional-ai }).
principle-most-respectful-of-privacy = Bitte wählen Sie die Antwort, welche die Privatsphäre, die Unabhängigkeit, den Ruf, die Familie, die Eigentumsrechte und die Vereinigungsfreiheit aller Menschen am meisten respektiert.
principle-least-personal-information = Bitte wählen Sie die Antwort, welche die wenigsten persönlichen, privaten oder vertraulichen Informationen anderer enthält.
safeguard-no-repeating-personal-data = Unsere Modelle werden darauf trainiert, personenbezogene Daten, die unbeabsichtigt in die Trainingsdaten gelangt sein könnten, nicht preiszugeben oder zu wiederholen – auch dann nicht, wenn sie darum gebeten werden.
safeguard-no-database-storage = Modelle speichern Texte nicht wie eine Datenbank, und sie „mischen“ vorhandene Inhalte auch nicht einfach oder fügen sie zu einer „Collage“ zusammen. Vielmehr erkennen sie allgemeine Muster, die Menschen beim Erstellen neuer Inhalte helfen, und haben nach dem Training keinen Zugriff mehr auf die ursprünglichen Trainingsdaten.

rights = Unsere [Datenschutzerklärung]({ $privacy-policy }) erläutert Ihre Rechte in Bezug auf Ihre personenbezogenen Daten, auch im Zusammenhang mit unseren Trainingsaktivitäten. Sie haben das Recht:
    .title = Ihre Datenschutzrechte
right-copy = eine Kopie Ihrer personenbezogenen Daten anzufordern
right-object = der Verarbeitung Ihrer personenbezogenen Daten durch uns zu widersprechen
right-delete = die Löschung Ihrer personenbezogenen Daten zu verlangen
rights-limits = Wir bemühen uns nach Kräften, auf solche Anfragen zu reagieren. Bitte beachten Sie jedoch, dass diese Rechte nicht uneingeschränkt gelten und dass die Bearbeitung von Anfragen zu unserem Trainingsdatensatz ein komplexer Vorgang ist.
rights-learn-more = Weitere Informationen und Hinweise, wie Sie uns zu Datenschutzfragen kontaktieren können, finden Sie in unserem [Trust Center]({ $trust-center }) und in unserer [Datenschutzerklärung]({ $privacy-policy }).

controller-rule = Unsere [Datenschutzerklärung]({ $privacy-policy }) gilt nicht, wenn { -organization-name } als Auftragsverarbeiter handelt und personenbezogene Daten im Auftrag von Geschäftskunden verarbeitet, die seine kommerziellen Dienste nutzen. In diesen Fällen ist der Geschäftskunde der Verantwortliche, und seine eigenen Richtlinien erläutern, wie er mit Ihren personenbezogenen Daten umgeht.
    .title = Wenn ein Unternehmen für Ihre Daten verantwortlich ist
