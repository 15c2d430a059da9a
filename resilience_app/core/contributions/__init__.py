"""Department contributions: contributors, their assigned questions, workbooks out and answers back, disagreements settled."""
