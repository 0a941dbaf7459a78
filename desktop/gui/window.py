"""The archive window: assembles the sidebar, the search bar and chips, the article list,
the reading pane and the import panel, and passes changes between them.

What the user is looking at lives in `BrowsingState` (no Qt); every query runs in the task
runner (`desktop.gui.tasks`), never on the GUI thread. Actions are declared in `actions.py`,
trash handling in `trash.py`, corrections and Undo in `desk.py`, menus in `context_menus.py`.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from desktop.core import preferences, query
from desktop.core.dropped import Dropped
from desktop.core.preferences import Preferences
from desktop.core.query import Filter, Term
from desktop.core.search import SearchSyntaxError
from desktop.core.store.db import Archive
from desktop.gui import context_menus, dialogs, memory, placeholders, recheck, style, tagging, team
from desktop.gui.actions import Actions
from desktop.gui.article_list import ArticleList
from desktop.gui.article_table import ArticleTableModel
from desktop.gui.browsing import BrowsingState, QueryResult, count_text
from desktop.gui.chips import ChipBar
from desktop.gui.connector import BrowserConnector
from desktop.gui.desk import Desk
from desktop.gui.detail import DetailPane
from desktop.gui.drops import DropTarget
from desktop.gui.facet_model import FACET_LIMIT
from desktop.gui.facets import FacetPanel
from desktop.gui.import_dock import ImportDock
from desktop.gui.import_from import choose_files
from desktop.gui.live import LiveUpdates
from desktop.gui.reading import Reading
from desktop.gui.search_bar import SearchBar
from desktop.gui.takeout import TakeOut
from desktop.gui.tasks import TaskRunner, wait_for
from desktop.gui.trash import TrashDesk

RECOUNT_AFTER_ROWS_MS = 15  # a frame: the new rows are painted before the sidebar recount starts


class MainWindow(QMainWindow):
    queryFinished = Signal()  # a query result is on screen (tests, benchmark, refresh callers)
    detailShown = Signal(int)

    def __init__(self, archive: Archive, settings: QSettings | None = None, runner=None):
        super().__init__()
        self.archive = archive
        self.settings = settings if settings is not None else QSettings("Cuttings", "Cuttings")
        self.runner = runner if runner is not None else TaskRunner(self)
        self.state = BrowsingState(archive, self.runner, self, Filter(
            sort=str(self.settings.value("table/sort", "published")),
            descending=str(self.settings.value("table/descending", "true")).lower() in ("true", "1")))
        self.state.facet_limit = FACET_LIMIT
        self.loaded = False
        self._sort_before_relevance = (self.state.filter.sort, self.state.filter.descending)
        self.setWindowTitle(f"Cuttings — {archive.title}")
        self._build()
        self.reading = Reading(self, archive, self.runner)
        self.reading.termChosen.connect(self.add_term)
        self.reading.articleChosen.connect(self._profile_article)
        self.reading.failed.connect(self._failed)
        self.facets.termActivated.connect(self.reading.open_entity_term)
        self.list.openRequested.connect(self.reading.open_original)
        self.import_dock = ImportDock(self, archive)
        self.imports = self.import_dock.queue
        self.import_dock.savedBatch.connect(self._batch_saved)
        self.import_dock.refreshDue.connect(self.refresh)
        self.import_dock.recountDue.connect(lambda: self.state.recount())
        self.trash = TrashDesk(self, archive, self.runner, self.list.title_of)
        self.trash.changed.connect(self.refresh)
        self.trash.counted.connect(lambda n: self.facets.set_trash(n, self.filter.trash))
        self._centre_layout.insertWidget(1, self.trash.bar)
        self.live = LiveUpdates(archive, self)  # other programs' writes: a colleague's, the CLI's
        self.live.changed.connect(self.refresh)
        self.drop_target = DropTarget(self, self.import_inputs)
        self.takeout = TakeOut(self, archive, self.runner, self.list.selected_ids, lambda: self.filter,
                               lambda text: self.statusBar().showMessage(text, 10_000))
        self.takeout.restored.connect(self._archive_replaced)
        self.preferences = preferences.load()
        self.apply_preferences(self.preferences)
        self.desk = Desk(self, archive, self.runner)  # corrections of entities and details; Undo/Redo
        self.rechecker = recheck.Rechecker(self, archive, self.runner, self.list.selected_ids,
                                           lambda: self.preferences.entities, self._articles_changed)
        self.connector = BrowserConnector(self, archive, self.import_inputs)  # started by app.run_window
        self.actions = Actions(self, {**self._handlers(), **self.desk.handlers(), **self.rechecker.handlers(),
                                      **self.connector.handlers()}, self.list)
        self.actions.build_menus(self.menuBar(), {"&View": [self.import_dock.toggleViewAction()]})
        self._set_focus_chain()
        self._restore_settings()
        self._selection_moved()
        self.state.run_query()
        self.trash.recount()
        self.trash.purge_expired()
        self.desk.update_undo()

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        self.facets = FacetPanel()
        self.facets.termClicked.connect(self.add_term)
        self.facets.termMenuRequested.connect(lambda term, pos: context_menus.for_term(self, term, pos))
        self.facets.searchChanged.connect(self._facet_search)
        self.facets.trashClicked.connect(self.show_trash)
        self.search = SearchBar()
        self.search.searched.connect(self._search)
        self.search.relevanceToggled.connect(self._relevance_toggled)
        self.chips = ChipBar()
        self.chips.removed.connect(self.remove_term)
        self.chips.termsChanged.connect(lambda terms: self.set_filter(replace(self.filter, terms=terms)))
        self.chips.clearAll.connect(self.clear_filters)
        self.model = ArticleTableModel(self.archive, self.runner, self)
        self.list = ArticleList(self.model)
        self.model.sortRequested.connect(self._sort_requested)
        self.list.selectionMoved.connect(self._selection_moved)
        self.list.customContextMenuRequested.connect(lambda pos: context_menus.for_rows(self, pos))
        self.empty = placeholders.placeholder(placeholders.EMPTY_STATE, "emptyState", "Your archive is empty")
        self.no_match = placeholders.placeholder(placeholders.NO_MATCH, "noMatch", "No articles match")
        self.empty_trash = placeholders.placeholder(placeholders.EMPTY_TRASH, "noMatch", "The Trash is empty")
        self.stack = QStackedWidget()
        for part in (self.list, self.empty, self.no_match, self.empty_trash):
            self.stack.addWidget(part)
        self.detail = DetailPane(self.archive, self.runner)
        self.detail.linkMenuRequested.connect(lambda kind, ident, pos: context_menus.for_link(self, kind, ident, pos))
        self.detail.shown.connect(self.detailShown)
        self.detail.failed.connect(self._failed)
        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(8)
        self._centre_layout = layout
        for part, stretch in ((self.search, 0), (self.chips, 0), (self.stack, 1)):
            layout.addWidget(part, stretch)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        for part, stretch in ((self.facets, 0), (centre, 3), (self.detail, 2)):
            self.splitter.addWidget(part)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        self.facets.setMinimumWidth(170)
        self.detail.setMinimumWidth(240)
        self.splitter.setSizes([230, 700, 430])
        self.setCentralWidget(self.splitter)
        style.fit_to_screen(self, 1360, 820)
        self.statusBar().setSizeGripEnabled(True)

    def _handlers(self) -> dict:
        return {
            "import": self.show_import_dialog, "paste": self.paste, "quit": self.close, "backup": self.takeout.backup,
            "preferences": lambda: dialogs.preferences(self), "open_original": self.reading.open_original,
            "open_saved_copy": self.reading.open_saved_copy, "copy_link": self.reading.copy_link,
            "connect_team": lambda: team.connect_team(self), "focus_list": self.focus_list,
            "trash": lambda: self.trash.move_to_trash(self.list.selected_ids()),
            "restore": lambda: self.trash.restore(self.list.selected_ids()),
            "delete_forever": lambda: self.trash.delete_forever(self.list.selected_ids()),
            "empty_trash": self.trash.empty, "search": self.search.focus, "clear_filters": self.clear_filters,
            "show_trash": self.show_trash, "refresh": self.refresh, "focus_sidebar": self.facets.focus_entries,
            "focus_reader": lambda: self.detail.setFocus(Qt.FocusReason.ShortcutFocusReason),
            "shortcuts": lambda: dialogs.shortcuts(self), "about": lambda: dialogs.about(self),
            "restore_backup": lambda: self.takeout.restore(busy=self.imports.is_active()),
            "copy_citation_apa": lambda: self.takeout.copy_citation("apa"), "export": self.takeout.export,
            "copy_citation_chicago": lambda: self.takeout.copy_citation("chicago"),
            "import_from": lambda: self.import_inputs([Dropped(path) for path in choose_files(self)]),
            "tags": lambda: tagging.edit_tags(self, self.archive, self.runner, self.list.selected_ids(),
                                              self._articles_changed),
        }

    def _set_focus_chain(self) -> None:
        """Tab goes search -> sidebar filter -> sidebar -> list -> reading pane."""
        chain = [self.search.field, self.facets.filter_box, self.facets.tree, self.facets.trash_button,
                 self.list, self.detail]
        for first, second in zip(chain, chain[1:]):
            self.setTabOrder(first, second)

    # -- settings -----------------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = self.settings
        for key, restore in (("window/geometry", self.restoreGeometry), ("window/splitter", self.splitter.restoreState)):
            value = s.value(key)
            if isinstance(value, QByteArray) and not value.isEmpty():
                restore(value)
        self.list.restore_state(s)
        article = str(s.value("window/article", ""))
        if article.isdigit():  # the article open when the window closed
            self.list.remember_position(select=[int(article)])

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        if self.facets.isVisible() and self.detail.isVisible():
            s.setValue("window/splitter", self.splitter.saveState())
        self.list.save_state(s)
        flt = self.state.filter
        if flt.sort != query.RELEVANCE:
            s.setValue("table/sort", flt.sort)
            s.setValue("table/descending", flt.descending)
        s.setValue("window/article", self.detail.article.id if self.detail.article else "")
        s.sync()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.import_dock.close_queue()
        self.save_settings()
        self.reading.close()
        super().closeEvent(event)

    # -- the filter ---------------------------------------------------------------------
    @property
    def filter(self) -> Filter:
        return self.state.filter

    def set_filter(self, flt: Filter, select=None) -> None:
        self._change(lambda: self.state.set_filter(flt), select)

    def _change(self, change, select=None) -> None:
        """Apply a change of the state's filter, keeping (or setting) what is selected."""
        self.list.remember_position(select)
        change()  # first: the worker queries while the chips are redrawn
        self._show_filter(self.filter)

    def _show_filter(self, flt: Filter) -> None:
        self.chips.set_terms(flt.terms)
        self.chips.hint.setVisible(not flt.terms and not flt.trash)
        self.search.show_search(flt.text, flt.sort == query.RELEVANCE)
        self.detail.search_text = flt.text
        self.trash.show_bar(flt.trash)
        self.facets.set_trash(self.trash.count, flt.trash)

    def add_term(self, term: Term) -> None:
        self._change(lambda: self.state.add_term(term))

    def remove_term(self, term: Term) -> None:
        self._change(lambda: self.state.remove_term(term))

    def clear_filters(self) -> None:
        self._change(self.state.clear)

    def show_trash(self) -> None:
        self.set_filter(replace(self.filter, terms=(), trash=not self.filter.trash))

    def _search(self, text: str) -> None:
        self.list.remember_position()
        self.state.set_text(text)

    def _relevance_toggled(self, on: bool) -> None:
        flt = self.filter
        if on and flt.sort != query.RELEVANCE:
            self._sort_before_relevance = (flt.sort, flt.descending)
        sort, descending = (query.RELEVANCE, True) if on else self._sort_before_relevance
        self.list.remember_position()
        self.state.set_sort(sort, descending)

    def _facet_search(self, text: str) -> None:
        self.state.facet_text = text
        self.state.recount()

    def _sort_requested(self, sort: str, descending: bool) -> None:
        if sort not in query.SORT_COLUMNS:
            self.list.apply_sort(self.filter.sort, self.filter.descending)  # a column with no order
        elif (sort, descending) != (self.filter.sort, self.filter.descending):  # not apply_sort's echo
            self.list.remember_position()  # else it would drop what waits for an incomplete list
            self.state.set_sort(sort, descending)

    def refresh(self, select: list[int] | None = None) -> None:
        """The archive changed: re-run the current query and recount, keeping the selection
        (or selecting `select`) and the scroll position."""
        self.list.remember_position(select or None, keep_top=True)
        self.state.archive_changed()
        self.trash.recount()

    # -- query results (BrowsingState's listener) -----------------------------------------
    def rows_ready(self, result: QueryResult) -> None:
        flt = result.filter
        self._show_filter(flt)
        selected = self.list.show_result(result.ids, result.first_rows, result.snippets, flt.text, result.complete)
        self.list.apply_sort(flt.sort, flt.descending)
        self.search.count_label.setText(count_text(result))
        if result.ids:
            self.stack.setCurrentWidget(self.list)
        else:
            self.stack.setCurrentWidget(self.empty_trash if flt.trash else
                                        self.empty if result.total == 0 else self.no_match)
        # An empty archive is all welcome: no empty sidebar, filter hint or reading pane.
        has_articles = result.total > 0 or flt.trash or self.trash.count > 0
        for part in (self.facets, self.chips, self.detail):
            part.setVisible(has_articles)
        if not selected and self.detail.article is not None:
            self.detail.show_placeholder()
        self._selection_moved()
        if not self.loaded:
            memory.freeze_long_lived()
        self.loaded = True
        self.queryFinished.emit()
        # The workers' threads would slow the painting of the rows (they hold the GIL).
        QTimer.singleShot(RECOUNT_AFTER_ROWS_MS, self, lambda: self._recount(flt))

    def rest_ready(self, result: QueryResult) -> None:
        """Every id of the result whose first page is shown; shown anew if the archive changed meanwhile."""
        if not self.list.show_rest(result.ids):
            return self.rows_ready(replace(result, first_rows=[], snippets={}))
        self.search.count_label.setText(count_text(result))
        self.queryFinished.emit()

    def _recount(self, flt: Filter) -> None:
        self.state.load_rest()
        if self.imports.is_active():
            self.import_dock.recount_later()
        else:
            self.state.recount(flt)

    def facets_ready(self, facets) -> None:
        self.facets.set_facets(facets, self.filter.terms)

    def query_failed(self, exc: BaseException) -> None:
        if isinstance(exc, SearchSyntaxError):
            self.search.show_problem(str(exc))  # beside the words that caused it, until they change
        else:
            self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.statusBar().showMessage(dialogs.failure_sentence(exc, self.archive), 10_000)

    # -- selection and reading ------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        return self.list.selected_ids()

    def current_id(self) -> int | None:
        return self.list.current_id()

    def _selection_moved(self) -> None:
        ids = self.list.selected_ids()
        self.detail.load(self.list.current_id() if ids else None)
        self.actions.update_enabled(bool(ids), self.filter.trash)
        self.trash.set_selected(bool(ids))

    def focus_list(self) -> None:
        target = self.list if self.stack.currentWidget() is self.list else self.stack.currentWidget()
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if target is self.list and not self.list.selected_ids() and self.model.rowCount():
            self.list.select_rows([0])

    def apply_preferences(self, prefs: Preferences) -> None:
        """Take the user's preferences: theme, imports and the Trash now; the archive at restart."""
        moved = prefs.archive != self.preferences.archive
        self.preferences = prefs
        style.theme().choose(QApplication.instance(), prefs.theme)
        self.import_dock.apply_preferences(prefs)
        self.trash.keep_days = prefs.trash_days
        self.trash.show_bar(self.filter.trash)
        if moved:
            self.statusBar().showMessage("The new default archive opens the next time Cuttings starts.", 10_000)

    def _profile_article(self, article_id: int, term: Term | None) -> None:
        if self.list.select_article(article_id):
            return
        # Not in the list as filtered now: show this entity's articles, then select it.
        self.set_filter(Filter(terms=(term,) if term else (), sort=self.filter.sort,
                               descending=self.filter.descending), select=[article_id])

    # -- importing ----------------------------------------------------------------------
    def import_inputs(self, inputs: list[Dropped]) -> None:
        """Queue dropped, pasted or chosen links and files, and show their progress (files of
        links, such as a bookmarks file, are imported as by File ▸ Import from…)."""
        queued = self.import_dock.add(inputs)
        if queued:
            self.statusBar().showMessage(f"Importing {queued} item{'s' if queued != 1 else ''}…", 5000)

    def paste(self) -> None:
        if not self.drop_target.paste():
            self.statusBar().showMessage("The clipboard holds no web address or file to import.", 5000)

    def show_import_dialog(self) -> None:
        dialogs.import_links(self)

    def _batch_saved(self, ids: list[int]) -> None:
        """After a batch, select and show its newest article; if the filter hides it, the selection stays."""
        if ids:
            self.list.remember_position(select=[ids[-1]], otherwise=self.list.selected_ids())
            self.state.archive_changed()

    def _articles_changed(self, text: str) -> None:
        self.statusBar().showMessage(text, 10_000)
        self.refresh()  # the Tags section's counts, the rows' changed marks; the selection stays
        self.detail.load(self.current_id())  # its tag chips, its versions

    def _archive_replaced(self) -> None:
        """A backup was restored into the archive: read everything shown again."""
        self.state.archive_changed()
        self.trash.recount()

    def wait_loaded(self, timeout_ms: int = 10_000, every_row: bool = False) -> bool:
        """Process events until the current query's rows are on screen and, with `every_row`,
        all its ids are in the list (scripts, smoke)."""
        def done() -> bool:
            return self.loaded and (self.model.complete or not every_row)

        return done() and not self.runner.busy() or wait_for(self.queryFinished, done, timeout_ms)
