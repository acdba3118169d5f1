"""REST API (Django REST framework): the same services, access function and rules as the web app.
One module per area; ``errors.py`` gives every error one shape."""
