"""The web questionnaire service (`implementatie serve`, extra `implementatie[web]`).

A coach creates a round, a team fills in the MIDI questionnaire in the browser or through the
JSON API, and the coach sees the profile, barriers, strategies and plan once enough people have
answered. `create_app(settings)` in `implementatie.web.app` builds the application.
"""
