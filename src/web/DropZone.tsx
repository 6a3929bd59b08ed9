/** Where files are dropped in the page: a dashed area that lights up while something is dragged over it. */
import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { useState, type DragEvent, type ReactNode } from "react";

const useStyles = makeStyles({
  zone: {
    padding: tokens.spacingVerticalL,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    textAlign: "center",
    color: tokens.colorNeutralForeground2,
  },
  dragging: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
});

/** The buttons beside it do the same by keyboard: a drop zone is a shortcut, never the only way. */
export function DropZone({ onDrop, children }: { onDrop: (data: DataTransfer) => void; children: ReactNode }) {
  const styles = useStyles();
  const [dragging, setDragging] = useState(false);
  return (
    <div
      className={mergeClasses(styles.zone, dragging && styles.dragging)}
      onDragOver={(event: DragEvent) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event: DragEvent) => {
        event.preventDefault();
        setDragging(false);
        onDrop(event.dataTransfer);
      }}
    >
      {children}
    </div>
  );
}
