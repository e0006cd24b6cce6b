"""The demo page tree: an English home with its pages, then their Russian and Tajik translations.

A page spec names its model by label ("cms.HomePage"); `PAGE_MODELS` says which class that is.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page, Site

from cms.models import EventIndexPage, HomePage, PolicyPage, StandardPage, StoryIndexPage
from demo.content import LANGUAGES, PAGES, SOURCE_LANGUAGE, DemoPage
from demo.context import SeedContext
from gallery.models import ArtistIndexPage, ExhibitionIndexPage, GalleryPage
from heritage.models import SiteSettings

PAGE_MODELS = {
    model._meta.label: model
    for model in (
        HomePage,
        StandardPage,
        PolicyPage,
        StoryIndexPage,
        EventIndexPage,
        ArtistIndexPage,
        ExhibitionIndexPage,
        GalleryPage,
    )
}


def pages_create(ctx: SeedContext) -> None:
    """Create the source-language pages that are missing and point the default site at the home.

    Pages are made in two passes because they point at each other (the home's hero links
    to "About us", which sits under the home): first every missing page with its words,
    then its images, links and body, published in one revision.
    """
    locale = ctx.locales[SOURCE_LANGUAGE]
    root = Page.get_first_root_node()
    site = _default_site(root)
    new = []
    for spec in PAGES:
        parent = root if spec.parent is None else ctx.page(spec.parent, SOURCE_LANGUAGE)
        page = _source_page_find(spec, parent, locale)
        if page is None:
            if spec.parent is None:
                # Wagtail's welcome page holds the site and the slug "home": let both go first.
                _site_point(site, root)
                _welcome_pages_delete()
            page = PAGE_MODELS[spec.model](
                slug=spec.slug, locale=locale, live=False, show_in_menus=spec.show_in_menus
            )
            _words_apply(page, spec, SOURCE_LANGUAGE)
            parent.add_child(instance=page)
            new.append((spec, page))
        ctx.pages[(spec.key, SOURCE_LANGUAGE)] = page
    _site_point(site, ctx.page(PAGES[0].key, SOURCE_LANGUAGE))
    _welcome_pages_delete()
    _publish(ctx, new, SOURCE_LANGUAGE)


def pages_translate(ctx: SeedContext, *, language: str) -> None:
    """Create the missing translations of the demo pages into `language`.

    Each is a copy of the source page (`copy_for_translation`, so Wagtail and
    wagtail-localize know it as that page's translation), then given its own words,
    images and links and published.
    """
    locale = ctx.locales[language]
    new = []
    for spec in PAGES:
        source = ctx.page(spec.key, SOURCE_LANGUAGE)
        page = source.get_translation_or_none(locale)
        if page is None:
            # Pages come in tree order, so the parent's translation exists by now.
            page = source.copy_for_translation(locale).specific
            new.append((spec, page))
        ctx.pages[(spec.key, language)] = page.specific
    _publish(ctx, new, language)


def _source_page_find(spec: DemoPage, parent: Page, locale) -> Page | None:
    pages = PAGE_MODELS[spec.model].objects.child_of(parent).filter(locale=locale)
    if spec.parent is not None:
        pages = pages.filter(slug=spec.slug)
    # Any home page in the language will do, whatever an editor has renamed it to.
    return pages.order_by("path").first()


def _publish(ctx: SeedContext, new: list[tuple[DemoPage, Page]], language: str) -> None:
    for spec, created in new:
        # Fetched again: adding children elsewhere has changed its tree fields since, and
        # publishing a stale copy would write them back.
        page = type(created).objects.get(pk=created.pk)
        _words_apply(page, spec, language)
        for field, key in spec.images.items():
            setattr(page, field, ctx.images[key])
        for field, key in spec.links.items():
            setattr(page, field, ctx.page(key, language))
        if "body" in spec.text[language]:
            page.body = _stream(ctx, spec.text[language]["body"], language)
        page.save_revision().publish()
        page.refresh_from_db()
        ctx.pages[(spec.key, language)] = page
        ctx.made["pages"] += 1
        ctx.report(f"Published “{page.title}” ({language}) at {page.url_path}.")


def _words_apply(page: Page, spec: DemoPage, language: str) -> None:
    for field, value in spec.text[language].items():
        if field != "body":
            setattr(page, field, value)


def _stream(ctx: SeedContext, blocks: list[tuple], language: str) -> list[dict]:
    """The body in StreamField's stored form, with image and page keys turned into ids."""
    email = SiteSettings.load().contact_email
    values = {
        "heading": lambda text: {"text": text, "level": "h2"},
        "paragraph": lambda html: html.replace("{email}", email),
        "image": lambda key, caption: {"image": ctx.images[key].pk, "caption": caption, "credit": ""},
        "quote": lambda text, attribution: {"text": text, "attribution": attribution},
        "call_to_action": lambda text, key, label: {
            "text": text,
            "page": ctx.page(key, language).pk,
            "url": "",
            "button_label": label,
        },
    }
    return [{"type": kind, "value": values[kind](*args)} for kind, *args in blocks]


def _default_site(root: Page) -> Site:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=root,
            is_default_site=True,
            site_name=settings.WAGTAIL_SITE_NAME,
        )
    if not site.site_name:
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save(update_fields=["site_name"])
    return site


def _site_point(site: Site, page: Page) -> None:
    if site.root_page_id != page.pk:
        site.root_page = page
        site.save(update_fields=["root_page"])


def _welcome_pages_delete() -> None:
    """Delete Wagtail's "Welcome to your new Wagtail site!" page once no site uses it.

    It is the only plain `Page` a fresh project has below the root; our pages are all
    of our own page types.
    """
    plain = ContentType.objects.get_for_model(Page)
    for page in Page.objects.filter(depth=2, content_type=plain, numchild=0, sites_rooted_here=None):
        page.delete()


def menu_page_create(ctx: SeedContext, spec: DemoPage, *, place=None) -> None:
    """A page in every language's menu under its home: the English one first, the others
    its translations (`copy_for_translation`) with their own words; published. Existing pages
    are kept as they are. `place(page, home, language)` positions a newly made page."""
    for language in LANGUAGES:
        home = ctx.page("home", language)
        locale = ctx.locales[language]
        if language == SOURCE_LANGUAGE:
            page = _source_page_find(spec, home, locale)
        else:
            page = ctx.page(spec.key, SOURCE_LANGUAGE).get_translation_or_none(locale)
        new = []
        if page is None:
            if language == SOURCE_LANGUAGE:
                page = PAGE_MODELS[spec.model](slug=spec.slug, locale=locale, live=False, show_in_menus=True)
                _words_apply(page, spec, language)
                home.add_child(instance=page)
            else:
                page = ctx.page(spec.key, SOURCE_LANGUAGE).copy_for_translation(locale)
            if place is not None:
                place(page, home, language)
            new.append((spec, page.specific))
        ctx.pages[(spec.key, language)] = page.specific
        _publish(ctx, new, language)
