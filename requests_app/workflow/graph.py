"""Reading the request graph that ``AssistanceRequest`` declares with django-fsm-2.

The graph's own conditions (direction, what the instrument provides) decide which transitions
exist for a request now; the transition catalogue (``specs``) says everything else about them.
"""

from __future__ import annotations

from django_fsm import RETURN_VALUE
from django_fsm import Transition

from ..models import AssistanceRequest


def graph_transitions() -> list[Transition]:
    """Every transition the graph declares, once per source state."""
    field = AssistanceRequest._meta.get_field("state")
    return list(field.get_all_transitions(AssistanceRequest))


def graph_transition_names() -> frozenset[str]:
    return frozenset(t.name for t in graph_transitions())


def available_transitions(request: AssistanceRequest) -> dict[str, Transition]:
    """Transitions that exist for this request now: its state, its direction and what its
    instrument provides (the graph's conditions)."""
    # django-fsm-2 adds ``get_available_<field>_transitions`` to the model class at run time.
    return {t.name: t for t in request.get_available_state_transitions()}  # type: ignore[attr-defined]


def transition_target(transition: Transition, request: AssistanceRequest) -> str:
    """Where the transition leads from the request's state. A computed target (``RETURN_VALUE``:
    back to execution or to the completeness check...) is what the transition's own body returns:
    the bodies are pure and only name the state."""
    # django-fsm-2 types ``Transition.target`` as a state value, but it also holds a computed
    # target (``RETURN_VALUE``) or None ("stays where it is").
    target: object = transition.target
    if isinstance(target, RETURN_VALUE):
        target = transition.method(request)
    return str(target or "")
