import { fireEvent, render, screen } from '@testing-library/react';
import PhotoPicker from '.';

describe(PhotoPicker.name, () => {
  it('removes a photo by a named button that is a tap target on both builds', () => {
    const onRemove = jest.fn();
    render(
      <PhotoPicker
        value={[
          { id: 'upl_a', src: 'wxfile://tmp/a.jpg' },
          { id: 'upl_b', src: 'wxfile://tmp/b.jpg' },
        ]}
        max={6}
        upload={() => Promise.resolve({ id: 'upl_c' })}
        onAdd={() => undefined}
        onRemove={onRemove}
        onUploadingChange={() => undefined}
      />,
    );

    const remove = screen.getByRole('button', { name: '删除第 2 张照片' });
    // `jc-tap`: 44 px, 60 in care mode, on WeChat too, where no `role` reaches the stylesheet.
    expect(remove).toHaveClass('jc-tap');
    // Its own thumbnail, which care mode lays out with the button under the photo.
    expect(remove.parentElement).toHaveClass('photo-picker__picked');
    fireEvent.click(remove);
    expect(onRemove).toHaveBeenCalledWith('upl_b');
  });
});
