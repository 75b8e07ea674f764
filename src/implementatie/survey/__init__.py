"""What the team answered: questionnaire, responses, importers, scoring, subgroups, change."""
