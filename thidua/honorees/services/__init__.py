"""Writes to the honoree registry: each is one atomic, audited service taking ``by=``.

Permission checks (access.require) are the caller's: the HTML views and the API both call these
same services after fetching the honoree through thidua/units/access.py.
"""

from thidua.honorees.services.honorees import (
    add_achievement,
    add_initiative,
    add_recognition,
    create_honoree,
    remove_recognition,
    set_movements,
    set_publication_consent,
    update_honoree,
)
from thidua.honorees.services.lifecycle import allowed_stages, move_stage
from thidua.honorees.services.media import add_photo, add_video, delete_photo
from thidua.honorees.services.movements import create_movement, update_movement
from thidua.honorees.services.stories import publish_story, save_story, withdraw_story

__all__ = [
    "add_achievement",
    "add_initiative",
    "add_photo",
    "add_recognition",
    "add_video",
    "allowed_stages",
    "create_honoree",
    "create_movement",
    "delete_photo",
    "move_stage",
    "publish_story",
    "remove_recognition",
    "save_story",
    "set_movements",
    "set_publication_consent",
    "update_honoree",
    "update_movement",
    "withdraw_story",
]
