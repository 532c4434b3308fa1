### Die Fakten aus policy/policy.yaml: eine Nachricht je Fakten-ID, deren .title die
### Überschrift ist. Werte werden hier nie eingetippt, sondern kommen als Variablen aus
### der Richtlinie.

# Variablen:
#   $reply-within (String) - wie schnell wir antworten, als Zeitspanne
response-time = Wir beantworten jede Nachricht spätestens { $reply-within } nach ihrem Eingang.
    .title = Wie schnell wir antworten
