"""Read policies, defined once: which requests and deadlines a user sees, the inbox and its
stages, the supervisors' dashboard figures, the data of a letter. Views, the API, feeds and tasks
read through these; every query starts from ``requests_app.access``."""
