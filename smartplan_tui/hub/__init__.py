"""The room hub: `smartplan serve` lets the room join the session from its own devices.

Participants' phones get a small server-rendered page (`participants`, `page`, `room_view`);
note-takers get the full app in their browser through textual-serve (`notetakers`). Every
write goes through the session store, like a second terminal's (`writer`). `server` puts
it together; `control` is how the app finds, starts, revokes and stops a hub.
"""
