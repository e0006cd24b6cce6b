"""Models of this app arrive with its own issue; the app exists so the layout and
import direction are fixed from the first migration."""
