"""The browser connector's app side: the pairing token, what a capture is, and the listener
on 127.0.0.1 that takes captures from the browser extension (the `connector/` folder of the
repository) while a window runs. No Qt here: the window hands the listener a callback.
"""
