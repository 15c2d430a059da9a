"""The assessment feature: its details, answers and evidence, and the profile computed from them."""
