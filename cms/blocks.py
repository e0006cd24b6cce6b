"""Blocks of stories, campaigns and events: the shared base blocks plus what storytelling
needs — cards of artworks and artists, a click-to-load video and a content warning."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from heritage.blocks import CallToActionBlock, HeadingBlock, ImageBlock, ParagraphBlock, QuoteBlock


class VideoBlock(blocks.StructBlock):
    """A video that loads from its host only when the reader asks for it, so opening a story
    tells no video site who reads about domestic violence."""

    video = EmbedBlock(label=_("Video address"), help_text=_("A YouTube or Vimeo link."))
    title = blocks.CharBlock(label=_("Title"), max_length=160)
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"


class ArtworkCardBlock(blocks.StructBlock):
    outline = "card"  # its title is a heading one level under the section it is in
    artwork = SnippetChooserBlock("gallery.Artwork", label=_("Artwork"))
    note = blocks.CharBlock(label=_("Note"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Artwork")
        template = "blocks/artwork_card_block.html"
        description = _("A published artwork as a card; hidden while the work is not public.")


class ArtistCardBlock(blocks.StructBlock):
    outline = "card"
    artist = SnippetChooserBlock("artists.ArtistProfile", label=_("Artist"))
    note = blocks.CharBlock(label=_("Note"), required=False, max_length=255)

    class Meta:
        icon = "user"
        label = _("Artist")
        template = "blocks/artist_card_block.html"
        description = _("An approved artist as a card; hidden while her profile is not public.")


class ContentWarningBlock(blocks.StructBlock):
    text = blocks.TextBlock(
        label=_("Warning"),
        max_length=400,
        help_text=_("E.g. “This story describes domestic violence.” Say where to find help."),
    )
    help_page = blocks.PageChooserBlock(label=_("Page with help"), required=False)

    class Meta:
        icon = "warning"
        label = _("Content warning")
        template = "blocks/content_warning_block.html"


class StoryStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    artwork = ArtworkCardBlock()
    artist = ArtistCardBlock()
    call_to_action = CallToActionBlock()
    content_warning = ContentWarningBlock()
