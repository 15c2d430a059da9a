"""Workshop mode: participants and representation, the exercises and what the room said."""
