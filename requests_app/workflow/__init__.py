"""The request workflow's declarations: the transition catalogue (``specs``), the parameters of
each transition (``params``), what each records besides the state (``effects``), the provisions
logged steps are taken under where no single rulebook field names them (``bases``) and how the
django-fsm-2 graph on ``AssistanceRequest`` is read (``graph``)."""
