"""The Qt-free core: fetch -> extract -> entities -> store -> query."""
