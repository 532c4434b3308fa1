### Personenbezogene Daten und Modelltraining.

article-scope = Dieser Artikel bezieht sich auf unsere Verbraucherprodukte wie { -tier-free-name } und { -tier-pro-name }. Informationen zu unseren Produkten für Unternehmen, etwa { -tier-work-name } und der { -tier-api-name }, finden Sie in den [entsprechenden Hilfeartikeln]({ $commercial-help }).
about-training = Große Sprachmodelle wie { -product-name } werden mit Texten und anderen Inhalten trainiert, damit sie die Muster und Zusammenhänge zwischen Wörtern erlernen. Dieses Training ist wichtig, damit ein Modell effektiv und sicher arbeitet.
    .title = Über das Modelltraining
data-sources =
    Wir sammeln nicht gezielt personenbezogene Daten, um unsere Modelle zu trainieren. Da sich jedoch ein großer Teil der Informationen im Internet auf Personen bezieht, können unsere Trainingsdaten unbeabsichtigt auch personenbezogene Daten enthalten.
    
    Unsere Trainingsdaten stammen aus { $count ->
        [one] einer Quelle:
       *[other] den folgenden Quellen:
    }
    .title = Woher die Trainingsdaten stammen
source-public-web = öffentlich zugängliche Informationen aus dem Internet
source-licensed-datasets = Datensätze, für die wir von Drittunternehmen Lizenzen erwerben
source-users-and-crowd-workers = Daten, die unsere Nutzer oder Crowdworker bereitstellen
personal-data-use = Personenbezogene Daten, die in unseren Trainingsdaten enthalten sind, verwenden wir ausschließlich, um unseren Modellen Sprache beizubringen und ihnen zu vermitteln, wie sie darauf antworten können. Wir verwenden diese Daten nicht, um:
    .title = Wofür personenbezogene Daten in Trainingsdaten verwendet werden
no-contacting-people = Personen zu kontaktieren
no-profiling = Profile von Personen zu erstellen
no-selling-or-marketing = Personen etwas zu verkaufen oder bei ihnen für etwas zu werben
no-selling-personal-data = die Informationen selbst an Dritte zu verkaufen
safeguards = Wir ergreifen während des gesamten Trainingsprozesses Maßnahmen, um die Auswirkungen auf die Privatsphäre von Personen möglichst gering zu halten, und halten uns an strenge Richtlinien und Vorgaben.
    .title = Wie wir die Privatsphäre bei der Datenerhebung und beim Training schützen
safeguard-no-password-protected-pages = Wir greifen nicht auf passwortgeschützte Seiten zu.
safeguard-no-captcha-bypass = Wir umgehen keine CAPTCHA-Abfragen.
safeguard-licensed-data-due-diligence = Wir prüfen Daten, für die wir Lizenzen erwerben, mit der gebotenen Sorgfalt.
safeguard-advice-no-personal-data = Wir empfehlen unseren Nutzern, unsere Produkte und Dienste nicht zur Verarbeitung personenbezogener Daten zu verwenden.
safeguard-sensitive-data-filtering = Wenn Gespräche für das Training verwendet werden, filtern wir sensible Daten mit einer Kombination aus automatisierten Werkzeugen und Verfahren heraus und geben diese Daten nicht an Dritte weiter.
safeguard-constitution = Unsere Modelle werden außerdem gezielt darauf trainiert, die Privatsphäre zu respektieren. Mit der Einführung von { -constitutional-ai-name } haben wir wesentliche Schutzmaßnahmen nach dem Grundsatz „Datenschutz durch Technikgestaltung“ in die Entwicklung von { -product-name } integriert. Dieser Ansatz gibt { -product-name } eine Reihe von Grundsätzen vor – seine „Verfassung“ –, die das Training der { -product-name }-Modelle und die Bewertung ihrer Antworten leiten. Diese Grundsätze stützen sich zum Teil auf die Allgemeine Erklärung der Menschenrechte und enthalten konkrete Regeln zum Schutz der Privatsphäre, insbesondere von Personen, die nicht im öffentlichen Leben stehen. Unter anderem verlangen sie von { -product-name }, die Antwort zu wählen, die:
safeguard-constitutional-ai = [So funktioniert { -constitutional-ai-name }]({ $constitutional-ai }).
principle-most-respectful-of-privacy = die Privatsphäre, die Unabhängigkeit, den Ruf, die Familie, die Eigentumsrechte und die Vereinigungsfreiheit aller Menschen am meisten respektiert
principle-least-personal-information = die wenigsten persönlichen, privaten oder vertraulichen Informationen anderer enthält
safeguard-no-repeating-personal-data = Durch diese Verfassung lernen unsere Modelle außerdem, personenbezogene Daten, die unbeabsichtigt in die Trainingsdaten gelangt sein könnten, nicht preiszugeben oder zu wiederholen – auch dann nicht, wenn sie darum gebeten werden.
safeguard-no-database-storage = Modelle speichern Texte nicht wie eine Datenbank, und sie „mischen“ vorhandene Inhalte auch nicht einfach oder fügen sie zu einer „Collage“ zusammen. Vielmehr erkennen sie allgemeine Muster, die Menschen beim Erstellen neuer Inhalte helfen, und haben nach dem Training keinen Zugriff mehr auf die ursprünglichen Trainingsdaten.
rights = Unsere [Datenschutzerklärung]({ $privacy-policy }) erläutert Ihre Rechte in Bezug auf Ihre personenbezogenen Daten, auch im Zusammenhang mit unseren Trainingsaktivitäten. Sie haben insbesondere das Recht,
    .title = Ihre Datenschutzrechte
right-copy = eine Kopie Ihrer personenbezogenen Daten anzufordern
right-object = der Verarbeitung Ihrer personenbezogenen Daten durch uns zu widersprechen
right-delete = die Löschung Ihrer personenbezogenen Daten zu verlangen
rights-limits = Wir bemühen uns nach Kräften, auf solche Anfragen zu reagieren. Bitte beachten Sie jedoch, dass diese Rechte nicht uneingeschränkt gelten und dass die Bearbeitung von Anfragen zu unserem Trainingsdatensatz ein komplexer Vorgang ist.
rights-learn-more = Weitere Informationen und Hinweise, wie Sie uns zu Datenschutzfragen kontaktieren können, finden Sie in unserem [{ -trust-center-name }]({ $trust-center }) und in unserer [Datenschutzerklärung]({ $privacy-policy }).
controller-rule = Unsere [Datenschutzerklärung]({ $privacy-policy }) gilt nicht, wenn { -organization-name } als Auftragsverarbeiter handelt und personenbezogene Daten im Auftrag von Geschäftskunden verarbeitet, die seine Dienste für Unternehmen nutzen. In diesen Fällen ist der Geschäftskunde der Verantwortliche; in seinen Richtlinien erfahren Sie mehr darüber, wie er mit Ihren personenbezogenen Daten umgeht.
    .title = Wenn ein Unternehmen für Ihre Daten verantwortlich ist
