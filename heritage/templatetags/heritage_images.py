"""`{% picture %}` and `{% srcset_image %}` as Wagtail writes them, offering each width once.

Wagtail never upscales: asked for 960 and 1440 px of a 960 px photo it makes two 960 px
renditions and lists both as `960w`, which is invalid HTML and makes browsers fetch one
picture twice. These tags take the same arguments and keep the first rendition of each
real width per format. Load this library after `wagtailimages_tags`.
"""

from django import template
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe

from wagtail.images.models import FormatOperation, Picture, ResponsiveImage
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.images.templatetags.wagtailimages_tags import PictureNode, SrcsetImageNode
from wagtail.images.templatetags.wagtailimages_tags import image as image_tag_parse

register = template.Library()


def distinct_widths(renditions: dict) -> dict:
    """`renditions` (spec → rendition) without a second rendition of a width already listed
    in the same format."""
    seen = set()
    kept = {}
    for spec, rendition in renditions.items():
        fmt = next((name for name in FormatOperation.supported_formats if f"format-{name}" in spec), "")
        if (fmt, rendition.width) not in seen:
            seen.add((fmt, rendition.width))
            kept[spec] = rendition
    return kept


def _width_srcset(renditions) -> str:
    # Width descriptors even for a single candidate: `sizes` is only valid beside them.
    return ", ".join(f"{rendition.url} {rendition.width}w" for rendition in renditions)


class DistinctResponsiveImage(ResponsiveImage):
    def __html__(self):
        attrs = dict(self.attrs or {})
        if len(self.renditions) > 1 or attrs.get("sizes"):
            attrs["srcset"] = _width_srcset(self.renditions)
        return self.renditions[0].img_tag(attrs)


class DistinctPicture(Picture):
    def __html__(self):
        attrs = dict(self.attrs or {})
        if self.formats:
            fallback_format = self.get_fallback_format()
            fallback = self.formats[fallback_format]
        else:
            fallback_format, fallback = None, self.renditions
        sources = [
            "<source{}>".format(
                flatatt(
                    {
                        "srcset": _width_srcset(self.formats[fmt.name]),
                        "sizes": attrs.get("sizes"),
                        "type": fmt.mime_type,
                    }
                )
            )
            for fmt in self.source_format_order
            if fmt.name != fallback_format and fmt.name in self.formats
        ]
        if len(fallback) > 1 or attrs.get("sizes"):
            attrs["srcset"] = _width_srcset(fallback)
        return mark_safe(f"<picture>{''.join(sources)}{fallback[0].img_tag(attrs)}</picture>")  # noqa: S308 -- flatatt escapes


class DistinctSrcsetImageNode(SrcsetImageNode):
    wrapper = DistinctResponsiveImage

    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        renditions = distinct_widths(get_renditions_or_not_found(image, self.get_filters()))
        if self.output_var_name:
            context[self.output_var_name] = self.wrapper(renditions)
            return ""
        attrs = {key: value.resolve(context) for key, value in self.attrs.items()}
        return self.wrapper(renditions, attrs).__html__()


class DistinctPictureNode(DistinctSrcsetImageNode, PictureNode):
    wrapper = DistinctPicture


def _tag(node_class):
    def parse(parser, token):
        node = image_tag_parse(parser, token)
        return node_class(
            node.image_expr, node.filter_specs, attrs=node.attrs, output_var_name=node.output_var_name
        )

    return parse


register.tag("picture", _tag(DistinctPictureNode))
register.tag("srcset_image", _tag(DistinctSrcsetImageNode))
