"""The parts of the `student_privacy` check: rules, names, student cues, records, whereabouts, fixes."""
