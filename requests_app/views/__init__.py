"""Web views, one module per area. Views translate HTTP to service calls and back; every request
they show comes through ``requests_app.access``."""
